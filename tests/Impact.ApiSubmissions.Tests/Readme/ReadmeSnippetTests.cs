using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Readme;

/// <summary>
/// Every <c>&lt;!-- snippet: name --&gt;</c> code block in the README is the text of a <c>#region name</c>
/// in a test that compiles and runs, so the README's examples cannot drift from the SDK.
/// </summary>
public class ReadmeSnippetTests
{
    private static readonly string[] Readme = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "README.md"));
    private static readonly Regex UsingDirective = new(@"^using (static )?[A-Za-z_][\w.]*;$");

    public static IEnumerable<object[]> Snippets() =>
        Readme.Select(line => line.Trim())
            .Where(line => line.StartsWith("<!-- snippet: ", StringComparison.Ordinal))
            .Select(line => new object[] { line.Substring("<!-- snippet: ".Length).TrimEnd('-', '>', ' ') });

    [Fact]
    public void The_README_marks_its_examples()
    {
        Snippets().Select(s => (string)s[0]).Should().Contain(new[] { "readme-get-one", "readme-paging", "readme-waiting", "readme-errors", "readme-di", "readme-own-httpclient", "fake-impact-example" });
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_README_example_is_a_tested_region_verbatim(string name)
    {
        var marker = Array.FindIndex(Readme, line => line.Trim() == $"<!-- snippet: {name} -->");
        var start = Array.FindIndex(Readme, marker, line => line.StartsWith("```csharp", StringComparison.Ordinal)) + 1;
        var end = Array.FindIndex(Readme, start, line => line.StartsWith("```", StringComparison.Ordinal));

        var region = FindRegion(name);
        region.Should().NotBeNull($"a test file holds #region {name}");
        var indent = region!.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);

        // A block's leading using directives go to the top of the README's one program (ReadmeProgramTests), not into a region.
        var usings = Readme[start..end].TakeWhile(line => UsingDirective.IsMatch(line) || (line.Length == 0 && UsingDirective.IsMatch(Readme[start]))).Count();
        Readme[(start + usings)..end].Should().Equal(region.Select(line => line.Length >= indent ? line.Substring(indent) : line.TrimStart()));
    }

    private static string[]? FindRegion(string name)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "snippets"), "*.cs"))
        {
            var source = File.ReadAllLines(file);
            var regionStart = Array.FindIndex(source, line => line.Trim() == $"#region {name}");
            if (regionStart < 0)
            {
                continue;
            }

            var regionEnd = Array.FindIndex(source, regionStart, line => line.Trim() == "#endregion");
            return source[(regionStart + 1)..regionEnd];
        }

        return null;
    }
}
