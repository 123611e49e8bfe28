using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Storage;
using Impact.ApiSubmissions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Impact.ApiSubmissions.Tests.DependencyInjection;

/// <summary>AddImpactSubmissionWatch: the watch as a hosted service handing events to the application.</summary>
public sealed class SubmissionWatchServiceTests
{
    [Fact]
    public async Task The_hosted_watch_hands_each_failure_to_the_application_handler()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0 });
        server.Add(new ApiSubmissionBuilder().WithBatchId("A-d1d1d100-0000-4000-8000-000000000001").WithErrors("Validation", "OID_MISSING"));
        server.Add(new ApiSubmissionBuilder().WithBatchId("A-d1d1d100-0000-4000-8000-000000000002").WithErrors("Contract Error", "CONTRACT_NOT_FOUND"));

        var events = await RunHostedWatchAsync(server, collector => collector.Two.Task);

        events.Select(e => e.BatchId).Should().BeEquivalentTo("A-d1d1d100-0000-4000-8000-000000000001", "A-d1d1d100-0000-4000-8000-000000000002");
        events.Should().OnlyContain(e => e.Kind == SubmissionEventKind.Failed);
    }

    [Fact]
    public async Task The_hosted_watch_hands_an_FTP_file_with_failed_records_to_the_application_handler()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0, FtpFileSubmissionCount = 0 });
        server.AddFtpFileSubmission(
            ApiSubmissionsModelFactory.FtpFileSubmission(batchId: "F-d1d1d100-0000-4000-8000-000000000001", fileName: "june.csv", status: SubmissionStatus.Complete, totalRecords: 10),
            new[] { ApiSubmissionsModelFactory.FtpErrorDetail(line: 4, orderId: "O-4", reason: ErrorReason.ContractNotFound) });

        var e = await RunHostedWatchAsync(server, collector => collector.First.Task);

        e.Kind.Should().Be(SubmissionEventKind.FtpFileFailed);
        e.FtpFile!.FileName.Should().Be("june.csv");
        e.FtpFile.TotalErrors.Should().Be(1);
    }

    // Registers the client, a new SQLite store and the watch against the mock, starts the hosted service, waits for what
    // the handler collected, and stops it.
    private static async Task<T> RunHostedWatchAsync<T>(ImpactMockServer server, Func<Collector, Task<T>> collected)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "impact-hosted-" + Guid.NewGuid().ToString("N") + ".db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddImpactApiSubmissions(o =>
        {
            o.AccountSid = server.AccountSid;
            o.AuthToken = server.AuthToken;
            o.BaseAddress = new Uri(server.BaseUrl);
        });
        services.AddSingleton<ISubmissionStore>(new SqliteSubmissionStore(path));
        services.AddSingleton<Collector>();
        services.AddImpactSubmissionWatch<Collector>(o =>
        {
            o.ReportExistingOnFirstPass = true;
            o.Interval = TimeSpan.FromHours(1);
        });
        try
        {
            using var provider = services.BuildServiceProvider();
            var hosted = provider.GetServices<IHostedService>().Single();
            var collector = (Collector)provider.GetRequiredService<ISubmissionEventHandler>();

            await hosted.StartAsync(CancellationToken.None);
            var result = await collected(collector).WaitAsync(TimeSpan.FromMinutes(1));
            await hosted.StopAsync(CancellationToken.None);
            return result;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.File.Delete(path);
        }
    }

    private sealed class Collector : ISubmissionEventHandler
    {
        private readonly ConcurrentQueue<SubmissionEvent> _events = new();

        public TaskCompletionSource<SubmissionEvent[]> Two { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<SubmissionEvent> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(SubmissionEvent submissionEvent, CancellationToken cancellationToken)
        {
            _events.Enqueue(submissionEvent);
            First.TrySetResult(submissionEvent);
            if (_events.Count == 2)
            {
                Two.TrySetResult(_events.ToArray());
            }

            return Task.CompletedTask;
        }
    }
}
