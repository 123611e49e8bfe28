using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Microsoft.Extensions.DependencyInjection;
using PublicApiGenerator;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Impact.ApiSubmissions.Tests.PublicApi;

/// <summary>
/// The public surface of every shipping library, committed beside this file. A spec edit or a code change that
/// alters it fails here with a diff and the one command that accepts it (<see cref="AcceptCommand"/>); commit the
/// approved file it writes.
/// </summary>
public class PublicApiSnapshotTests
{
    /// <summary>The one command that accepts a change, as the README and the failure message give it.</summary>
    public const string AcceptCommand = "IMPACT_ACCEPT_API=1 dotnet test tests/Impact.ApiSubmissions.Tests --filter \"FullyQualifiedName~PublicApi\"";

    private readonly ITestOutputHelper _output;

    public PublicApiSnapshotTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Libraries() => new[]
    {
        new object[] { typeof(ApiSubmissionsClient).Assembly.GetName().Name! },
        new object[] { typeof(ImpactMockServer).Assembly.GetName().Name! },
        new object[] { typeof(ImpactApiSubmissionsServiceCollectionExtensions).Assembly.GetName().Name! },
        new object[] { typeof(Impact.ApiSubmissions.Storage.SqlSubmissionStore).Assembly.GetName().Name! },
    };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Public_api_matches_the_approved_snapshot(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == assemblyName);
        var actual = Normalize(assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = new[] { "System.Runtime.Versioning.TargetFrameworkAttribute" },

            // The default deny list drops Microsoft.* namespaces, where the DI entry point lives by convention.
            DenyNamespacePrefixes = Array.Empty<string>(),
        }));
        var approvedPath = Path.Combine(Folder(), assemblyName + ".approved.txt");
        var receivedPath = Path.Combine(Folder(), assemblyName + ".received.txt");

        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("IMPACT_ACCEPT_API") == "1")
        {
            // The accept command's run writes the new snapshot and passes, so that one command leaves all green;
            // the change it accepted is in the test output and in the approved file's diff.
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            _output.WriteLine($"Accepted this change to the public API of {assemblyName}; read it and commit {Path.GetFileName(approvedPath)}:\n{Diff(approved, actual)}");
            return;
        }

        File.WriteAllText(receivedPath, actual);
        // The diff and the command only: the two whole snapshots would bury them.
        throw new XunitException($"The public API of {assemblyName} changed:\n{Diff(approved, actual)}\nIf this change is intended, accept it with\n    {AcceptCommand}\nthen read and commit tests/Impact.ApiSubmissions.Tests/PublicApi/{Path.GetFileName(approvedPath)}.");
    }

    [Fact]
    public void The_diff_names_added_and_removed_lines()
    {
        Diff("a\nb\nc\n", "a\nc\nd\n").Should().Be("- b\n+ d\n");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd() + "\n";

    // A line diff (longest common subsequence) so a reviewer sees exactly which members came or went.
    private static string Diff(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var diff = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                diff.Append("+ ").Append(b[y++].Trim()).Append('\n');
            }
            else
            {
                diff.Append("- ").Append(a[x++].Trim()).Append('\n');
            }
        }

        return diff.ToString();
    }

    // The approved files live in the source tree beside this test (deterministic CI builds map
    // [CallerFilePath] to /_/, so find the repository from the test's own folder instead).
    private static string Folder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Generated.sln not found"), "tests", "Impact.ApiSubmissions.Tests", "PublicApi");
    }
}
