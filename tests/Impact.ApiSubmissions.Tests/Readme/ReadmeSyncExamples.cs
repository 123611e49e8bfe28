using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Storage;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Readme;

/// <summary>The README's sync and watch example, compiled and run against the mock impact.com and a SQLite file (shown verbatim, see <see cref="ReadmeSnippetTests"/>).</summary>
public sealed class ReadmeSyncExamples : IDisposable
{
    private readonly ImpactMockServer _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 21, SubmissionCount = 40 });
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "impact-readme-sync-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ApiSubmissionsClient client;

    public ReadmeSyncExamples()
    {
        client = _server.CreateClient();
        Directory.CreateDirectory(_folder);
    }

    public void Dispose()
    {
        client.Dispose();
        _server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sync_then_watch()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cancellationToken = stop.Token;
        var path = Path.Combine(_folder, "impact.db");
        var lines = new List<string>();
        void WriteLine(string line)
        {
            lines.Add(line);
            if (lines.Count == 1)
            {
                // After the first pass, a conversion fails at impact.com; the watch stops once it has reported it.
                _server.Add(new ApiSubmissionBuilder().WithBatchId("A-5ea4e000-0000-4000-8000-000000000001").WithOrderId("42").WithErrors("Contract Error", "CONTRACT_NOT_FOUND"));
            }
            else
            {
                stop.Cancel();
            }
        }

        var example = async () =>
        {
            #region readme-sync
            await using var store = new SqliteSubmissionStore(path);   // or new PostgresSubmissionStore("Host=...;Database=impact;...")
            await store.MigrateAsync(cancellationToken);
            var sync = new SubmissionSync(client, store, new SubmissionSyncOptions { Interval = TimeSpan.FromMinutes(5) });

            SyncPassResult pass = await sync.RunPassAsync(cancellationToken);    // one pass; resumes a pass cut short
            WriteLine($"{pass.Read} read, {pass.Inserted} new, {pass.Changed} changed");

            await foreach (SubmissionEvent e in sync.WatchAsync(cancellationToken))   // a pass every 5 minutes, until cancelled
            {
                if (e.Kind == SubmissionEventKind.Failed)
                {
                    WriteLine($"{e.BatchId} failed: {string.Join(", ", e.ErrorReasons)} (order {e.OrderId})");
                }
            }
            #endregion
        };

        await example.Should().ThrowAsync<OperationCanceledException>();
        lines.Should().Equal("40 read, 40 new, 0 changed", "A-5ea4e000-0000-4000-8000-000000000001 failed: CONTRACT_NOT_FOUND (order 42)");
    }
}
