using System;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Impact.ApiSubmissions.Storage;

/// <summary>
/// A store in one SQLite file (Microsoft.Data.Sqlite), the embedded default: nothing to install or run. The file is
/// created on <see cref="ISubmissionStore.MigrateAsync"/>; it uses write-ahead logging, so <c>history</c> can read while a
/// sync writes. One writer at a time: a second one waits for the first's transaction (up to 30 s).
/// </summary>
public sealed class SqliteSubmissionStore : SqlSubmissionStore
{
    private readonly string _connectionString;

    /// <summary>Creates a store over a SQLite file.</summary>
    /// <param name="path">The database file; its folder must exist.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public SqliteSubmissionStore(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The SQLite file path is empty.", nameof(path));
        }

        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30, Pooling = true }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string ToString() => "SQLite " + Path;

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // With write-ahead logging, NORMAL syncs at checkpoints instead of every commit: a crash of the process loses
            // nothing committed, a power cut may lose the last commits (the next pass reads them again), never corrupts.
            await ExecuteAsync(connection, null, "PRAGMA synchronous=NORMAL", cancellationToken).ConfigureAwait(false);

            // SQLite's default page cache (2 MB) is smaller than the indexes of a large account: every upsert of a page
            // then read back index pages it had just evicted. 32 MB holds them for hundreds of thousands of rows.
            await ExecuteAsync(connection, null, "PRAGMA cache_size=-32768", cancellationToken).ConfigureAwait(false);

            // A page of 1,000 rows dirties most leaves of the random-keyed indexes (about 5 MB at 45,000 rows): with the
            // default checkpoint every 1,000 WAL pages (4 MB), every commit was followed by a checkpoint and its syncs.
            await ExecuteAsync(connection, null, "PRAGMA wal_autocheckpoint=16384", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e) when (!Directory.Exists(System.IO.Path.GetDirectoryName(Path)))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"Cannot open the SQLite file {Path}: its folder does not exist.", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override Task BeforeMigrateAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Pooled connections keep the file open: let it go with the store.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
