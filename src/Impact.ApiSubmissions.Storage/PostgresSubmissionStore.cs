using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Impact.ApiSubmissions.Storage;

/// <summary>
/// A store in a PostgreSQL database (Npgsql): for teams, and for agencies that run one sync per account into one
/// database (rows are keyed by Account SID and BatchId). Migrations take an advisory lock, so several syncs can start
/// at once on a new database.
/// </summary>
public sealed class PostgresSubmissionStore : SqlSubmissionStore
{
    // Any fixed number: the lock only keeps two migrations of this schema apart.
    private const long MigrationLock = 0x1A9AC7_5B5;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a store over a PostgreSQL database.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...;Username=...</c>) or a <c>postgresql://</c> URI.</param>
    /// <exception cref="ArgumentException">The connection string is empty or not one Npgsql reads.</exception>
    public PostgresSubmissionStore(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The PostgreSQL connection string is empty.", nameof(connectionString));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(connectionString.Trim()));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException("The PostgreSQL connection string cannot be read: " + e.Message, nameof(connectionString), e);
        }

        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The host, port and database, for messages (never the password).</summary>
    public string Description { get; }

    /// <inheritdoc />
    public override string ToString() => Description;

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(" + MigrationLock.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")", cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore() => _dataSource.DisposeAsync();
}
