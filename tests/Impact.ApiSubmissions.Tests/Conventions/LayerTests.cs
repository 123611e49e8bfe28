using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Conventions;

/// <summary>
/// The layers as the design draws them: the models, the payload, the errors and the serialization name nothing declared in
/// <c>Client/</c> or <c>Http/</c> (documentation comments aside), so a model never depends on the transport that fetched it.
/// </summary>
public class LayerTests
{
    private static readonly string Sdk = Path.Combine(RepositoryRoot(), "src", "Impact.ApiSubmissions");

    [Theory]
    [InlineData("Model")]
    [InlineData("Payload")]
    [InlineData("Errors")]
    [InlineData("Serialization")]
    public void A_lower_layer_names_nothing_from_the_client_or_the_transport(string folder)
    {
        var upper = new[] { "Client", "Http" }
            .SelectMany(f => Directory.GetFiles(Path.Combine(Sdk, f), "*.cs"))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"\b(?:class|struct|interface|enum|record)\s+([A-Z]\w*)").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        upper.Should().Contain(new[] { "ApiSubmissionsClient", "RequestGate" }, "the scan must see the upper layers' types");

        var found = Directory.GetFiles(Path.Combine(Sdk, folder), "*.cs")
            .SelectMany(file => File.ReadAllLines(file)
                .Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal) && !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .SelectMany(line => upper.Where(type => Regex.IsMatch(line, $@"\b{type}\b")).Select(type => $"{Path.GetFileName(file)}: {type} in '{line.Trim()}'")))
            .ToList();

        found.Should().BeEmpty($"{folder}/ is below Client/ and Http/");
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Generated.sln) is not above the test assembly.");
    }
}
