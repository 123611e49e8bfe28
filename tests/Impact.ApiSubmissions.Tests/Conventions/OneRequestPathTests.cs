using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Foundation;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Conventions;

/// <summary>
/// One request path, generated from the spec: an operation's path and its query parameters' names live in the
/// generated request builders only. No hand-written C# of the SDK, the DI package or the stores writes a path piece
/// (<c>Advertisers/</c>, <c>/APISubmissions</c>) or a query name (<c>"Page"</c>, <c>PageSize=</c>) in a string.
/// (The CLI sends nothing itself: it calls the SDK, and quotes paths only in its help for users. The mock server in
/// the Testing package is the other side of the wire and routes by them.)
/// </summary>
public class OneRequestPathTests
{
    private static readonly string Src = Path.Combine(LayerTests.RepositoryRoot(), "src");

    private static readonly string[] Projects =
    {
        "Impact.ApiSubmissions", "Impact.ApiSubmissions.DependencyInjection", "Impact.ApiSubmissions.Storage",
    };

    [Fact]
    public void No_hand_written_string_holds_an_operation_s_path_or_a_query_parameter_s_name()
    {
        var (segments, queryNames) = SpecNames();
        segments.Should().Contain(new[] { "Advertisers", "APISubmissions", "Conversions" }, "the scan must read the spec's paths");
        queryNames.Should().Contain(new[] { "Page", "PageSize" }, "the scan must read the spec's query parameters");

        var found = HandWrittenFiles()
            .SelectMany(file => Literals(file).Select(literal => (file, literal)))
            .Where(x => Offends(x.literal, segments, queryNames))
            .Select(x => $"{Path.GetRelativePath(Src, x.file)}: \"{x.literal}\"")
            .ToList();

        found.Should().BeEmpty("paths and query names come from the spec through the generated ImpactRequests");
    }

    [Theory]
    [InlineData("Advertisers/", true)]
    [InlineData("/APISubmissions", true)]
    [InlineData("?Page=", true)]
    [InlineData("&PageSize=10", true)]
    [InlineData("Page", true)]
    [InlineData("PageSize must be at least 1.", false)]
    [InlineData("API submissions", false)]
    [InlineData("ErrorDetails", true)]
    public void The_scan_tells_a_path_or_a_query_name_from_prose(string literal, bool offends)
    {
        var (segments, queryNames) = SpecNames();

        Offends(literal, segments, queryNames).Should().Be(offends);
    }

    private static bool Offends(string literal, ISet<string> segments, ISet<string> queryNames) =>
        segments.Any(s => literal == s || literal.Contains(s + "/", StringComparison.Ordinal) || literal.Contains("/" + s, StringComparison.Ordinal))
        || queryNames.Any(q => literal == q || Regex.IsMatch(literal, $@"(^|[?&]){Regex.Escape(q)}="));

    private static (ISet<string> Segments, ISet<string> QueryNames) SpecNames()
    {
        var segments = SpecFile.Paths()
            .SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => !s.StartsWith('{'))
            .ToHashSet(StringComparer.Ordinal);
        var queryNames = SpecFile.QueryParameterNames().ToHashSet(StringComparer.Ordinal);
        return (segments, queryNames);
    }

    private static IEnumerable<string> HandWrittenFiles() =>
        Projects.SelectMany(p => Directory.GetFiles(Path.Combine(Src, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // The contents of C# string literals on lines that are not comments: raw """...""" ones first, then "...", @"..." and
    // $"..." (escapes kept as written).
    private static IEnumerable<string> Literals(string file) =>
        File.ReadAllLines(file)
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(line =>
            {
                var raw = Regex.Matches(line, "\"{3,}(.*?)\"{3,}").Select(m => m.Groups[1].Value).ToList();
                var rest = Regex.Replace(line, "\"{3,}(.*?)\"{3,}", string.Empty);
                return raw.Concat(Regex.Matches(rest, "\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => m.Groups[1].Value));
            });
}
