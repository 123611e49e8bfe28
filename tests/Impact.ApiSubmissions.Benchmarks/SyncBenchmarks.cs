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
using Npgsql;

namespace Impact.ApiSubmissions.Benchmarks;

/// <summary>
/// One sync pass of <see cref="Pages"/> pages of 1,000 submissions into an empty store (a SQLite file, a PostgreSQL
/// database), against the baseline: a plain listing of the same pages with the same options. The mock impact.com runs in
/// this process on loopback (no latency, no rate limit); its work is inside every measurement, alike for all three. Its
/// generated submissions never change: the 6% it shows Queued or In Progress stay so, whatever is read.
/// The sync's budget is raised to 100,000 requests an hour, as `sync --budget` would, so that pacing never waits here.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class SyncBenchmarks
{
    private ImpactMockServer _server = null!;
    private ApiSubmissionsClient _client = null!;
    private BenchmarkPostgres? _postgres;
    private string _folder = string.Empty;
    private SqlSubmissionStore? _store;
    private int _databases;

    [Params(45)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 3, SubmissionCount = Pages * 1000 });
        _client = _server.CreateClient();
        _folder = Path.Combine(Path.GetTempPath(), "impact-sync-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _postgres = BenchmarkPostgres.Start();
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
    public void NewPostgres() => _store = Migrated(new PostgresSubmissionStore(_postgres!.CreateDatabase()));

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

/// <summary>
/// A throwaway PostgreSQL server for <see cref="SyncBenchmarks"/>, as the store tests start theirs: initdb into a
/// temporary folder, started on a free loopback port (as the OS user postgres when run as root), stopped and deleted
/// at the end. Durability settings are the defaults of a server (fsync on), unlike the tests' server.
/// </summary>
internal sealed class BenchmarkPostgres : IDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _root;
    private readonly int _port;
    private int _databases;

    private BenchmarkPostgres(string folder, string bin, bool root, int port)
    {
        _folder = folder;
        _bin = bin;
        _root = root;
        _port = port;
    }

    public static BenchmarkPostgres Start()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.Parse(Path.GetFileName(Path.GetDirectoryName(d))!, CultureInfo.InvariantCulture))
            .FirstOrDefault() ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql.");
        var root = File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");
        var folder = Path.Combine("/tmp", "impact-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (root)
        {
            Run("chown", $"postgres {folder}", asPostgres: false);
        }

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var data = Path.Combine(folder, "data");
        Run(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust --no-sync -E UTF8 --locale=C", root);
        Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(folder, "server.log")} -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1\" -w -t 60 start", root);
        return new BenchmarkPostgres(folder, bin, root, port);
    }

    public string CreateDatabase()
    {
        var name = "bench_" + (++_databases).ToString(CultureInfo.InvariantCulture);
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_folder, "data")} -m immediate -w stop", _root);
        Directory.Delete(_folder, recursive: true);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={_port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";

    private static void Run(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}") : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error.Result} {output.Result}");
        }
    }
}
