using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Impact.ApiSubmissions.Storage;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.Sync;
using Npgsql;

namespace Impact.ApiSubmissions.Benchmarks;

/// <summary>
/// One sync pass of <see cref="Pages"/> pages of 1,000 submissions into an empty store (a SQLite file, a PostgreSQL
/// database), against the baseline: a plain listing of the same pages with the same options. The mock impact.com runs in
/// this process on loopback (no rate limit; its latency per answer is a parameter); its work is inside every measurement, alike for all three. Its
/// generated submissions never change: the 6% it shows Queued or In Progress stay so, whatever is read.
/// The sync's budget is raised to 100,000 requests an hour, as `sync --budget` would, so that pacing never waits here.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class SyncBenchmarks
{
    private ImpactMockServer _server = null!;
    private ApiSubmissionsClient _client = null!;
    private ThrowawayPostgres? _postgres;
    private string _folder = string.Empty;
    private SqlSubmissionStore? _store;
    private int _databases;

    [Params(45)]
    public int Pages { get; set; }

    /// <summary>
    /// The mock's wait before each answer, in milliseconds: 0 measures the SDK and the store alone (the honest ratio);
    /// 200 is closer to impact.com, where a sync's store work can hide behind the next page's request.
    /// </summary>
    [Params(0, 50, 200)]
    public int LatencyMs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 3, SubmissionCount = Pages * 1000 });
        _server.SetLatency(TimeSpan.FromMilliseconds(LatencyMs));
        _client = _server.CreateClient();
        _folder = Path.Combine(Path.GetTempPath(), "impact-sync-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _postgres = ThrowawayPostgres.Start(durable: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _server.Dispose();
        _postgres?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationSetup(Target = nameof(SyncSqlite))]
    public void NewSqlite() => _store = Migrated(new SqliteSubmissionStore(Path.Combine(_folder, $"sync{++_databases}.db")));

    [IterationSetup(Target = nameof(SyncPostgres))]
    public void NewPostgres() => _store = Migrated(new PostgresSubmissionStore(_postgres!.CreateDatabaseAsync().GetAwaiter().GetResult()));

    [IterationCleanup]
    public void DropStore()
    {
        _store?.Dispose();
        _store = null;
    }

    [Benchmark(Baseline = true, Description = "Listing: GetApiSubmissionsAsync, every page")]
    public async Task<int> Listing()
    {
        var count = 0;
        await foreach (var page in _client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 1000 }).AsPages())
        {
            count += page.Items.Count;
        }

        return count;
    }

    [Benchmark(Description = "Sync pass into SQLite")]
    public Task<int> SyncSqlite() => PassAsync();

    [Benchmark(Description = "Sync pass into PostgreSQL")]
    public Task<int> SyncPostgres() => PassAsync();

    private async Task<int> PassAsync()
    {
        var result = await new SubmissionSync(_client, _store!, new SubmissionSyncOptions { PageSize = 1000, RequestsPerHour = 100_000 }).RunPassAsync();
        if (!result.Completed || result.Read != Pages * 1000)
        {
            throw new InvalidOperationException($"The pass read {result.Read} of {Pages * 1000} submissions.");
        }

        return result.Requests;
    }

    private static SqlSubmissionStore Migrated(SqlSubmissionStore store)
    {
        store.MigrateAsync().GetAwaiter().GetResult();
        return store;
    }
}
