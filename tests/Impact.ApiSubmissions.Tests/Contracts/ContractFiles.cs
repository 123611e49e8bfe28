using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>The files under tests/contracts, as copied beside the test assembly.</summary>
internal static class ContractFiles
{
    /// <summary>Set to 1 to rewrite tests/contracts/mappings in the source tree from the mock server.</summary>
    public const string UpdateVariable = "IMPACT_UPDATE_CONTRACTS";

    public static string MappingsDirectory => Path.Combine(AppContext.BaseDirectory, "contracts", "mappings");

    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "contracts", "fixtures");

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static IReadOnlyList<(string Name, JObject Json)> Mappings => Read(MappingsDirectory);

    public static IReadOnlyList<(string Name, JObject Json)> Fixtures => Read(FixturesDirectory);

    public static string Format(JToken json) => json.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";

    /// <summary>tests/contracts/mappings in the source tree (for rewriting only).</summary>
    public static string SourceMappingsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "contracts", "mappings");
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Generated.sln) is not above the test assembly.");
    }

    private static IReadOnlyList<(string Name, JObject Json)> Read(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.json")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), MockHttp.Parse(File.ReadAllText(f))))
                .ToList()
            : Array.Empty<(string, JObject)>();
}
