using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Readme;

/// <summary>The README's FTP example, compiled and run against the mock impact.com (shown verbatim, see <see cref="ReadmeSnippetTests"/>).</summary>
public sealed class ReadmeFtpExamples : IDisposable
{
    private readonly ImpactMockServer _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 7, SubmissionCount = 1, FtpFileSubmissionCount = 60 });
    private readonly ApiSubmissionsClient client;
    private readonly CancellationToken cancellationToken = CancellationToken.None;

    public ReadmeFtpExamples()
    {
        client = _server.CreateClient();
    }

    public void Dispose()
    {
        client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Ftp_files_and_their_failed_lines()
    {
        var batchId = _server.AddProgressingFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(), getsPerStatus: 1).BatchId!;
        var lines = new List<string>();
        void WriteLine(string line) => lines.Add(line);

        #region readme-ftp
        var lastWeek = new FtpSubmissionListOptions { SubmissionDateStart = DateTimeOffset.Now.AddDays(-7) }; // filtered by impact.com
        string? newestFile = null;
        await foreach (FtpFileSubmission file in client.GetFtpSubmissionsAsync(lastWeek, cancellationToken))
        {
            newestFile = file.BatchId;
            WriteLine($"{file.FileName}: {file.Status}, {file.TotalErrors} of {file.TotalRecords} records failed");
            if (file.HasErrors)
            {
                // Its ErrorsUri is followed only within this account, like every link; GetFtpErrorDetailsAsync(file.BatchId) does the same.
                await foreach (FtpErrorDetail line in client.GetFtpErrorDetailsByUriAsync(file.ErrorsUri!, cancellationToken: cancellationToken))
                {
                    WriteLine($"  line {line.Line}: {line.Status} {line.Reason} ({line.Reason?.Description})");
                }
            }
        }

        if (newestFile is not null)
        {
            try
            {
                var patience = new WaitOptions<FtpFileSubmission> { Timeout = TimeSpan.FromSeconds(15) };
                FtpFileSubmission uploaded = await client.WaitForFtpCompletionAsync(newestFile, patience, cancellationToken);
                WriteLine($"{uploaded.FileName}: {uploaded.Status}");
            }
            catch (ImpactWaitTimeoutException e)
            {
                WriteLine($"{e.LastSeenFtpFile?.FileName}: still {e.LastSeenFtpFile?.Status} after 15 s");
            }
        }
        #endregion

        newestFile.Should().Be(batchId, "the file just uploaded is listed last, and the wait follows it");
        var recent = _server.FtpFileSubmissions.Where(f => f.SubmissionDate >= DateTimeOffset.Now.AddDays(-7) && f.BatchId != batchId).ToList();
        recent.Should().Contain(f => f.TotalErrors > 0, "the example must show failed lines");
        lines.Count(l => !l.StartsWith("  line ", StringComparison.Ordinal)).Should().Be(recent.Count + 2, "one line per file (the new one included) and one for the wait");
        lines.Count(l => l.StartsWith("  line ", StringComparison.Ordinal)).Should().Be((int)recent.Sum(f => f.TotalErrors!.Value));
        lines[^1].Should().EndWith(": Complete");
    }
}
