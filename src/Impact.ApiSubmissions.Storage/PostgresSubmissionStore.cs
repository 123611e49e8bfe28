using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

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

    // A page's write does not wait for its WAL to reach the disk (the server's flush follows within a fraction of a
    // second). A crash of the server in between can lose the last pages written, never a part of one: each page's rows,
    // events and bookmark are one transaction, so the next pass reads the lost pages again and records their events
    // again. Marking an event reported stays synchronous, and a synchronous commit flushes every earlier one, so an event
    // handed out can never be lost and come again. The same trade as SQLite's synchronous=NORMAL under WAL.
    private protected override Task BeforeSyncWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "SET LOCAL synchronous_commit TO OFF", cancellationToken);

    // The keys go as one array parameter, and each is looked up by its own index probe: a subquery per key, kept apart
    // from the outer query by OFFSET 0 so the planner cannot turn it into a join. With "key = ANY(@keys)" (or a join on
    // unnest) PostgreSQL 15 costs every key as an index descent at random_page_cost and so, for thousands of keys
    // against tens of thousands of rows, scans all the account's rows instead (EXPLAIN: a seq scan, or a bitmap scan of
    // account_sid filtering the keys: 60 to 100 ms for 4,000 keys at 45,000 rows, growing with the table); the types
    // (text and text[]) and collations match, and no function is applied to the column. The key is inside the
    // subquery with the filter, which names the condition of the partial index it means to use (has_errors = 1 for the
    // failures): EXPLAIN shows an index scan of the primary key, or of the failures' index, per key.
    private protected override string LookUpSql(DbCommand command, string keyColumn, IReadOnlyList<string> keys, string? filter)
    {
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.ToArray() });
        return "SELECT " + StateColumns + " FROM unnest(@keys) AS k(key) CROSS JOIN LATERAL (SELECT " + StateColumns + " FROM impact_submissions "
            + "WHERE account_sid = @account_sid AND " + keyColumn + " = k.key" + (filter is null ? string.Empty : " AND " + filter) + " OFFSET 0) AS s";
    }

    // All the rows in one statement, one round trip: each column goes as one array parameter, and unnest turns the
    // arrays back into rows. A statement of one row each (a batch of 1,000 with 22 parameters each) cost about ten
    // times the listing. ON CONFLICT DO UPDATE may not touch a row twice in one statement, so a key given twice is
    // left to its last row first.
    private protected override async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, RowInsert insert, CancellationToken cancellationToken)
    {
        var rows = insert.LastWins ? LastPerKey(insert.Rows) : insert.Rows;
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = ((NpgsqlConnection)connection).CreateCommand();
        command.Transaction = (NpgsqlTransaction)transaction;
        var names = new string[insert.Columns.Length];
        for (var i = 0; i < insert.Columns.Length; i++)
        {
            names[i] = "@c" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(Column(names[i].Substring(1), rows, i, insert.Types[i]));
        }

        command.CommandText = "INSERT INTO " + insert.Table + " (" + string.Join(", ", insert.Columns) + ") SELECT * FROM unnest(" + string.Join(", ", names) + ")" + insert.OnConflict;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<object?[]> LastPerKey(IReadOnlyList<object?[]> rows)
    {
        var last = new Dictionary<(object?, object?), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            last[(rows[i][0], rows[i][1])] = i;
        }

        return last.Count == rows.Count ? rows : rows.Where((row, i) => last[(row[0], row[1])] == i).ToList();
    }

    private static NpgsqlParameter Column(string name, IReadOnlyList<object?[]> rows, int at, DbType type)
    {
        switch (type)
        {
            case DbType.Int64:
                var longs = new long?[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    longs[i] = rows[i][at] is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
                }

                return new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = longs };
            case DbType.Int32:
                var ints = new int?[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    ints[i] = rows[i][at] is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;
                }

                return new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = ints };
            default:
                var texts = new string?[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    texts[i] = (string?)rows[i][at];
                }

                return new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts };
        }
    }

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
