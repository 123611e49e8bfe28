using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Npgsql;

namespace Impact.ApiSubmissions.Tests.Sync;

/// <summary>
/// A throwaway PostgreSQL server: initdb into a temporary folder, started on a free loopback port with its socket in
/// that folder, stopped and deleted on <see cref="Dispose"/>. PostgreSQL refuses to run as root, so as root (CI) the
/// server runs as the OS user <c>postgres</c> that Debian's packages create. The binaries come from $IMPACT_PG_BIN,
/// else the newest /usr/lib/postgresql/N/bin. The store tests (<see cref="PostgresServer"/>, durability off) and the
/// sync benchmark (this file linked, durability on) both start theirs here.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private const string OsUser = "postgres";
    private readonly string _folder;
    private readonly string _bin;
    private int _databases;

    private ThrowawayPostgres(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string Host => "127.0.0.1";

    /// <summary>Starts a server; <paramref name="durable"/> false turns fsync and synchronous commits off (fast tests).</summary>
    public static ThrowawayPostgres Start(bool durable)
    {
        var bin = FindBin();
        var root = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || IsRoot();
        // As root the folder is under /tmp, which the postgres user can reach whatever TMPDIR says.
        var folder = Path.Combine(root ? "/tmp" : Path.GetTempPath(), "impact-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (root)
        {
            // The server's own user must own its folder; /tmp is open to it.
            Run("chown", $"{OsUser} {folder}", asPostgres: false);
        }

        var port = FreePort();
        var data = Path.Combine(folder, "data");
        Run(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust --no-sync -E UTF8 --locale=C", root);
        var options = $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=100"
            + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(folder, "server.log")} -o \"{options}\" -w -t 60 start", root);
        return new ThrowawayPostgres(folder, bin, port);
    }

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "impact_test_" + System.Threading.Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host={Host};Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Pooling=true;Timeout=30";

    /// <summary>Stops the server and deletes its folder.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path.Combine(_folder, "data")))
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                Run(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_folder, "data")} -m immediate -w stop", IsRoot());
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing to stop.
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsRoot()
    {
        try
        {
            return File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string FindBin()
    {
        var configured = Environment.GetEnvironmentVariable("IMPACT_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"IMPACT_PG_BIN={configured} holds no initdb.");
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "A throwaway PostgreSQL server needs PostgreSQL's server binaries (initdb, pg_ctl): install Debian's postgresql package, or set IMPACT_PG_BIN to their folder.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Run(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u {OsUser} -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        if (asPostgres && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            throw new InvalidOperationException("Running as root, the throwaway PostgreSQL server is started as the 'postgres' user with runuser, which is missing.");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The throwaway PostgreSQL server could not start: '{Path.GetFileName(program)} {arguments}' exited with {process.ExitCode}"
                + (asPostgres ? $" (run as the OS user '{OsUser}'; check 'id {OsUser}')" : string.Empty)
                + $": {error.Result.Trim()} {output.Result.Trim()}");
        }
    }
}
