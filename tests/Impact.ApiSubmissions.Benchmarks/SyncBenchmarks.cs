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
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Impact.ApiSubmissions.Benchmarks;

/// <summary>
/// One sync pass of <see cref="Pages"/> pages of 1,000 submissions into an empty store (a SQLite file, a PostgreSQL
/// database), against the baseline: a plain listing of the same pages with the same options. The mock impact.com runs in
/// this process on loopback (no rate limit; its latency per answer is a parameter); its work is inside every measurement, alike for all three. Its
/// generated submissions never change: the 6% it shows Queued or In Progress stay so, whatever is read.
/// The sync's budget is raised to 100,000 requests an hour, as `sync --budget` would, so that pacing never waits here.
/// "Alone" measures the database by itself: the same rows, already inside it, copied into the empty table a page of 1,000
/// a transaction, as the sync's writes go with no latency; no SDK and no client-side work, so no store can write faster.
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
    private string _sqliteSource = string.Empty;
    private string _sqliteCopy = string.Empty;
    private string _postgresSource = string.Empty;
    private string _postgresCopy = string.Empty;

    // The columns of impact_submissions (schema 5), in the table's order.
    private const string Columns = "account_sid, batch_id, account_id, submission_date, campaign_id, action_tracker_id, media_partner_id, event_code, order_id, payload, type, "
        + "status, completion_date, error_type, error_reason, uri, has_errors, fix_order_id, fixed_by_batch_id, first_seen_at, last_seen_at, wire, seen_pass";

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

        // The sources of the "alone" runs: a pass's rows moved to bench_source (numbered by page), the table left empty.
        const string ToSource = "CREATE TABLE bench_source AS SELECT " + Columns + ", (ROW_NUMBER() OVER (ORDER BY batch_id) - 1) / 1000 AS bench_page FROM impact_submissions; "
            + "CREATE INDEX ix_bench_source ON bench_source (bench_page); DELETE FROM impact_submissions; DELETE FROM impact_events; DELETE FROM impact_sync_state";
        _sqliteSource = Path.Combine(_folder, "source.db");
        using (var store = Migrated(new SqliteSubmissionStore(_sqliteSource)))
        {
            PassAsync(store).GetAwaiter().GetResult();
        }

        using (var connection = new SqliteConnection("Data Source=" + _sqliteSource))
        {
            connection.Open();
            Execute(connection, ToSource);
            Execute(connection, "VACUUM");
        }

        SqliteConnection.ClearAllPools();
        var source = _postgres.CreateDatabaseAsync().GetAwaiter().GetResult();
        using (var store = Migrated(new PostgresSubmissionStore(source)))
        {
            PassAsync(store).GetAwaiter().GetResult();
        }

        using (var connection = new NpgsqlConnection(source))
        {
            connection.Open();
            Execute(connection, ToSource);
            Execute(connection, "VACUUM ANALYZE");
        }

        NpgsqlConnection.ClearAllPools();
        _postgresSource = new NpgsqlConnectionStringBuilder(source).Database!;
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

    [IterationSetup(Target = nameof(SqliteAlone))]
    public void CopySqliteSource()
    {
        _sqliteCopy = Path.Combine(_folder, $"alone{++_databases}.db");
        File.Copy(_sqliteSource, _sqliteCopy);
    }

    [IterationSetup(Target = nameof(PostgresAlone))]
    public void CopyPostgresSource()
    {
        var name = $"alone{++_databases}";
        using (var connection = new NpgsqlConnection(_postgres!.ConnectionString("postgres")))
        {
            connection.Open();
            Execute(connection, $"CREATE DATABASE {name} TEMPLATE {_postgresSource}");
        }

        _postgresCopy = _postgres.ConnectionString(name);
    }

    [IterationCleanup]
    public void DropStore()
    {
        _store?.Dispose();
        _store = null;
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
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

    [Benchmark(Description = "SQLite alone: the rows copied in, a page a transaction")]
    public int SqliteAlone()
    {
        using var connection = new SqliteConnection("Data Source=" + _sqliteCopy);
        connection.Open();

        // The store's settings (SqliteSubmissionStore); the file is in write-ahead logging already.
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=16384");
        return CopyPages(connection, string.Empty);
    }

    [Benchmark(Description = "PostgreSQL alone: the rows copied in, a page a transaction")]
    public int PostgresAlone()
    {
        using var connection = new NpgsqlConnection(_postgresCopy);
        connection.Open();
        return CopyPages(connection, "SET LOCAL synchronous_commit TO OFF; ");
    }

    private int CopyPages(System.Data.Common.DbConnection connection, string first)
    {
        var rows = 0;
        for (var page = 0; page < Pages; page++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = first + $"INSERT INTO impact_submissions ({Columns}) SELECT {Columns} FROM bench_source WHERE bench_page = {page.ToString(CultureInfo.InvariantCulture)}";
            rows += command.ExecuteNonQuery();
            transaction.Commit();
        }

        return rows == Pages * 1000 ? rows : throw new InvalidOperationException($"{rows} rows copied, not {Pages * 1000}.");
    }

    private static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private Task<int> PassAsync() => PassAsync(_store!);

    private async Task<int> PassAsync(SqlSubmissionStore store)
    {
        var result = await new SubmissionSync(_client, store, new SubmissionSyncOptions { PageSize = 1000, RequestsPerHour = 100_000 }).RunPassAsync();
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
