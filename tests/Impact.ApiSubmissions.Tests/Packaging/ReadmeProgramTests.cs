using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Packaging;

/// <summary>
/// Every C# block of the README is one program, as "First call" says: the blocks in order, each one's <c>using</c>
/// lines moved to the top, are Program.cs of a new console app on the packed packages the README lists; it builds and
/// runs against the mock impact.com with the variables the mock prints, and what it prints is checked section by section.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class ReadmeProgramTests
{
    private const int SigInt = 2;
    private static readonly Regex UsingDirective = new(@"^using (static )?[A-Za-z_][\w.]*;$");
    private readonly PackedSdk _sdk;

    public ReadmeProgramTests(PackedSdk sdk) => _sdk = sdk;

    private static string Readme => File.ReadAllText(Path.Combine(PackedSdk.RepoRoot(), "README.md")).Replace("\r\n", "\n");

    /// <summary>Every ```csharp block of the README, in order.</summary>
    public static IReadOnlyList<string> ProgramBlocks() =>
        Regex.Matches(Readme, "^```csharp\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The blocks pasted in order into one file, the <c>using</c> directives each block starts with moved to its top.</summary>
    public static string Program()
    {
        var usings = new List<string>();
        var body = new StringBuilder();
        foreach (var block in ProgramBlocks())
        {
            var lines = block.TrimEnd('\n').Split('\n');
            var leading = lines.TakeWhile(line => UsingDirective.IsMatch(line) || line.Length == 0).ToList();
            usings.AddRange(leading.Where(line => line.Length > 0 && !usings.Contains(line)));
            body.Append(string.Join("\n", lines.Skip(leading.Count))).Append("\n\n");
        }

        return string.Join("\n", usings) + "\n\n" + body;
    }

    /// <summary>The packages "First call" says the whole program references, in its order.</summary>
    public static IReadOnlyList<(string Id, string Version)> ProgramPackages()
    {
        var section = Regex.Match(Readme, @"^## First call\n(.*?)^```csharp", RegexOptions.Singleline | RegexOptions.Multiline).Groups[1].Value;
        return Regex.Matches(section, "<PackageReference Include=\"([^\"]+)\" Version=\"([^\"]+)\" />").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    [Fact]
    public void The_program_starts_with_its_usings_and_declarations_and_the_README_names_its_packages()
    {
        var first = ProgramBlocks()[0];

        first.Should().StartWith("using Impact.ApiSubmissions;\nusing static System.Console;\n");
        foreach (var declared in new[] { "string accountSid", "string authToken", "string batchId", "CancellationToken cancellationToken", "BaseAddress = baseAddress" })
        {
            first.Should().Contain(declared);
        }

        ProgramPackages().Select(p => p.Id).Should().Contain(PackedSdk.Packages, "the README lists the packages the program needs");
        var versions = XDocument.Load(Path.Combine(PackedSdk.RepoRoot(), "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value);
        foreach (var (id, version) in ProgramPackages().Where(p => !p.Id.StartsWith("Impact.", StringComparison.Ordinal)))
        {
            // xunit.assert comes with xunit, at its version.
            version.Should().Be(versions[id == "xunit.assert" ? "xunit" : id], "the README's {0} is the version this repository builds and tests with", id);
        }
        Program().Should().Contain("using Impact.ApiSubmissions.Storage;").And.Contain("using Impact.ApiSubmissions.Testing;").And.Contain("using Microsoft.Extensions.DependencyInjection;");
    }

    [Fact]
    public async Task Pasted_in_order_into_a_new_console_app_it_builds_and_runs_against_the_mock()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return; // The watch ends on Ctrl+C, sent here as SIGINT.
        }

        var app = _sdk.CreateConsoleApp("ReadmeProgram", Program(), ProgramPackages());
        var build = PackedSdk.Dotnet(app, "build", "-c", "Release");

        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 120, FtpFileSubmissionCount = 8 });
        // The newest FTP file is one being processed, so the FTP example's wait sees it complete.
        var uploaded = server.AddProgressingFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(), getsPerStatus: 1);
        var failed = server.Submissions.First(s => s.HasErrors && s.Type == SubmissionType.Conversion && s.ParsePayload().Items.Count > 0);

        // Two program-1001 sales sent to CampaignId 1999, which does not exist: the resubmit example fixes the first; the second lacks its OrderId.
        const string Sale = "CampaignId=1999&EventTypeId=4100&EventDate=2024-08-01T23:55:24-08:00&ClickId=readme-click&CurrencyCode=EUR&ItemSku1=1&ItemQuantity1=1&ItemPrice1=9.90";
        server.Conversions.AddReferral("ClickId", "readme-click", mediaPartnerId: 10042);
        var fixable = server.Add(new ApiSubmissionBuilder().WithCampaignId(1999).WithPayload(Sale + "&OrderId=42").WithErrors("Validation", "CAMPAIGN_NOT_FOUND"));
        var broken = server.Add(new ApiSubmissionBuilder().WithCampaignId(1999).WithPayload(Sale).WithErrors("Validation", "CAMPAIGN_NOT_FOUND"));

        // A conversion impact.com is still working on, that fails. The mock moves it on each time it is shown (a get, or a
        // page that lists it), two reads a stage. Before the sync, the program lists every submission three times (the
        // paging example twice, the resubmit example once): reads 1-3. The sync's first pass is read 4, In Progress
        // (stored as history, not news); the watch's first pass is read 5, complete and failed: the watch must report it.
        var failing = server.AddProgressingSubmission(
            new ApiSubmissionBuilder().WithBatchId("A-5ea4e000-0000-4000-8000-000000000001").WithOrderId("4242").WithErrors("Contract Error", "CONTRACT_NOT_FOUND"),
            getsPerStatus: 2);

        var pages = (server.Submissions.Count + 99) / 100;
        var expectedPages = Enumerable.Range(1, pages).Select(p => $"page {p} of {pages}: {Math.Min(100, server.Submissions.Count - ((p - 1) * 100))} submissions").ToList();
        var campaignNotFound = server.Submissions.Where(s => s.Type == SubmissionType.Conversion && s.ErrorReasons.Contains(ErrorReason.CampaignNotFound)).Select(s => s.BatchId!).ToList();
        await build;

        var watchLine = $"{failing.BatchId} failed: CONTRACT_NOT_FOUND (order 4242)";
        var run = await RunUntilCtrlC(app, watchLine, failed.BatchId!, new Dictionary<string, string>
        {
            ["IMPACT_ACCOUNT_SID"] = server.AccountSid,
            ["IMPACT_AUTH_TOKEN"] = server.AuthToken,
            ["IMPACT_BASE_URL"] = server.BaseUrl,
        });

        var transcript = $"exit {run.ExitCode}\n--- out\n{string.Join("\n", run.Lines)}\n--- err\n{run.Error}";
        run.ExitCode.Should().Be(0, $"the README's program runs to its end (the Testing section's asserts included):\n{transcript}");
        var lines = run.Lines;

        // First call: one submission, its outcome and each reason.
        lines.Should().ContainInOrder(new[] { $"{failed.BatchId}: Complete", $"{failed.ErrorType}:" }.Concat(failed.ErrorReasons.Select(r => $"  {r.Code}: {r.Description}")), transcript);

        // Paging, waiting, FTP files, the payload.
        lines.Should().ContainInOrder(expectedPages, transcript);
        lines.Should().Contain($"{failed.BatchId} is Complete", transcript)
            .And.Contain($"{uploaded.FileName}: Complete", transcript)
            .And.Contain(l => l.StartsWith($"campaign {failed.CampaignId}, order ", StringComparison.Ordinal), transcript);
        server.ReceivedRequests.Should().Contain(r => r.Method == "GET" && r.PathAndQuery.Contains("/FTPFileSubmissions", StringComparison.Ordinal), "the FTP example ran");

        // Fixing and resubmitting: every conversion sent to an unknown campaign is sent again, or says why not.
        var resent = lines.Where(l => l.Contains(" sent again as A-", StringComparison.Ordinal)).ToList();
        lines.Should().Contain(l => l.StartsWith($"{fixable.BatchId} sent again as A-", StringComparison.Ordinal), transcript)
            .And.Contain($"{broken.BatchId} not sent: OrderId is required on a conversion and is missing.", transcript);
        campaignNotFound.Should().OnlyContain(id => lines.Any(l => l.StartsWith(id + " sent again as ", StringComparison.Ordinal) || l.StartsWith(id + " not sent: ", StringComparison.Ordinal)));
        server.ReceivedRequests.Count(r => r.Method == "POST").Should().Be(resent.Count, "each line says one conversion was sent");

        // Errors, retries (each attempt logged), dependency injection, your own HttpClient.
        lines.Should().Contain(l => l.StartsWith("impact.com has no submission with BatchId 'A-00000000-0000-0000-0000-000000000000' (404)", StringComparison.Ordinal), transcript)
            .And.Contain(l => Regex.IsMatch(l, $@"^GET /Advertisers/{server.AccountSid}/APISubmissions/{failed.BatchId} -> 200 \(attempt 1, \d+ ms\)$"), transcript)
            .And.Contain($"{failed.BatchId} read again, each attempt logged", transcript)
            .And.Contain($"{failed.BatchId} read through dependency injection", transcript)
            .And.Contain($"{failed.BatchId} read through your own HttpClient", transcript);

        // Keeping history: the first pass stores everything; the watch reports the one failure that happened since, once; Ctrl+C ends it.
        lines.Should().Contain(l => l.StartsWith($"{server.Submissions.Count} read, {server.Submissions.Count} new, ", StringComparison.Ordinal), transcript);
        lines.Where(l => l.Contains(" failed: ", StringComparison.Ordinal)).Should().Equal(new[] { watchLine }, transcript);
        lines.Should().ContainInOrder(new[] { watchLine, "Stopped watching." }, transcript);

        // Testing: the fake server's asserts passed (exit 0) and the hand-written fake client ran last.
        lines.Last().Should().Be("A-1 listed by a fake client", transcript);
    }

    private sealed record ProgramRun(int ExitCode, IReadOnlyList<string> Lines, string Error);

    /// <summary>
    /// Runs the built program as a user does (<c>dotnet ReadmeProgram.dll BATCHID</c> in its folder) and presses Ctrl+C
    /// (SIGINT) once it prints <paramref name="ctrlCAfter"/>: the README's watch runs until then.
    /// </summary>
    private static async Task<ProgramRun> RunUntilCtrlC(string app, string ctrlCAfter, string batchId, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(app, "bin", "Release", "net10.0", "ReadmeProgram.dll"));
        start.ArgumentList.Add(batchId);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } line)
            {
                lines.Add(line);
                if (line == ctrlCAfter)
                {
                    Kill(process.Id, SigInt).Should().Be(0);
                }
            }

            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The README's program did not end within 4 minutes; it printed:\n{string.Join("\n", lines)}");
        }

        return new ProgramRun(process.ExitCode, lines, await error);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
