using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Impact.ApiSubmissions.Storage;

/// <summary>
/// A store on a SQL database through plain ADO.NET: parameterised commands, one transaction per write, rows inserted or
/// updated by <c>INSERT ... ON CONFLICT (account_sid, batch_id) DO UPDATE</c>. The SQLite and PostgreSQL stores run the
/// same statements; they differ only in how they connect and how a migration keeps other processes out.
/// </summary>
public abstract class SqlSubmissionStore : ISubmissionStore, IAsyncDisposable, IDisposable
{
    private const string Columns =
        "account_sid, batch_id, account_id, submission_date, campaign_id, action_tracker_id, media_partner_id, event_code, order_id, payload, type, status, completion_date, error_type, error_reason, uri, wire";

    /// <summary>The columns a look-up reads, in the order <see cref="States"/> reads them.</summary>
    private protected const string StateColumns = "batch_id, status, has_errors, fix_order_id, submission_date";

    // Statements that are not the rows of a page (the fixes) go in batches of this many where the provider batches.
    private const int RowsPerBatch = 1000;

    private static readonly string[] UpsertColumns =
        (Columns + ", has_errors, fix_order_id, seen_pass, first_seen_at, last_seen_at").Split(',').Select(c => c.Trim()).ToArray();

    private static readonly DbType[] UpsertTypes =
    {
        DbType.String, DbType.String, DbType.Int64, DbType.String, DbType.Int64, DbType.Int64, DbType.Int64, DbType.String, DbType.String, DbType.String,
        DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.Int32, DbType.String, DbType.Int64,
        DbType.String, DbType.String,
    };

    private const string UpsertConflict =
        " ON CONFLICT (account_sid, batch_id) DO UPDATE SET account_id = excluded.account_id, submission_date = excluded.submission_date, "
        + "campaign_id = excluded.campaign_id, action_tracker_id = excluded.action_tracker_id, media_partner_id = excluded.media_partner_id, "
        + "event_code = excluded.event_code, order_id = excluded.order_id, payload = excluded.payload, type = excluded.type, status = excluded.status, "
        + "completion_date = excluded.completion_date, error_type = excluded.error_type, error_reason = excluded.error_reason, uri = excluded.uri, "
        + "wire = excluded.wire, has_errors = excluded.has_errors, fix_order_id = excluded.fix_order_id, "
        + "seen_pass = COALESCE(excluded.seen_pass, impact_submissions.seen_pass), last_seen_at = excluded.last_seen_at";

    // The typed columns hold every field the model names; the wire JSON is written only for a record that carries more
    // (fields impact.com sent that the spec does not name), or for every record once the model names a field the columns
    // do not (a spec regenerated with a new field). Serializing every record took longer than listing it.
    private static readonly HashSet<string> ColumnFields = new(StringComparer.Ordinal)
    {
        "BatchId", "AccountId", "SubmissionDate", "CampaignId", "ActionTrackerId", "MediaPartnerId", "EventCode", "OrderId", "Payload",
        "Type", "Status", "CompletionDate", "ErrorType", "ErrorReason", "Uri",
    };

    private static readonly int ColumnCount = Columns.Split(',').Length;

    private static readonly bool ColumnsHoldEveryModelField = FieldsNotInColumns(typeof(ApiSubmission)).Count == 0;

    private static readonly string[] EventColumns = { "account_sid", "event_key", "kind", "batch_id", "fixed_by_batch_id", "detected_at", "ordinal", "reported_at" };

    private static readonly DbType[] EventTypes = { DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.Int32, DbType.String };

    private const string EventConflict = " ON CONFLICT (account_sid, event_key) DO NOTHING";

    private const string FixSql =
        "UPDATE impact_submissions SET fixed_by_batch_id = @fixed_by WHERE account_sid = @account_sid AND batch_id = @batch_id AND fixed_by_batch_id IS NULL";

    private const string BookmarkSql =
        "INSERT INTO impact_sync_state (account_sid, stream, continuation_token, completed_passes, updated_at) VALUES (@account_sid, @stream, @token, @passes, @updated_at) "
        + "ON CONFLICT (account_sid, stream) DO UPDATE SET continuation_token = excluded.continuation_token, completed_passes = excluded.completed_passes, updated_at = excluded.updated_at";

    private const string FtpColumns =
        "account_sid, batch_id, account_id, submission_date, file_name, type, status, total_records, total_errors, completion_date, errors_uri, uri, wire";

    private static readonly string[] FtpUpsertColumns = (FtpColumns + ", first_seen_at, last_seen_at").Split(',').Select(c => c.Trim()).ToArray();

    private static readonly DbType[] FtpUpsertTypes =
    {
        DbType.String, DbType.String, DbType.Int64, DbType.String, DbType.String, DbType.String, DbType.String, DbType.Int64, DbType.Int64, DbType.String,
        DbType.String, DbType.String, DbType.String, DbType.String, DbType.String,
    };

    private const string FtpUpsertConflict =
        " ON CONFLICT (account_sid, batch_id) DO UPDATE SET account_id = excluded.account_id, submission_date = excluded.submission_date, file_name = excluded.file_name, "
        + "type = excluded.type, status = excluded.status, total_records = excluded.total_records, total_errors = excluded.total_errors, "
        + "completion_date = excluded.completion_date, errors_uri = excluded.errors_uri, uri = excluded.uri, wire = excluded.wire, last_seen_at = excluded.last_seen_at";

    /// <summary>For the stores of this package.</summary>
    private protected SqlSubmissionStore()
    {
    }

    /// <summary>The highest schema version this package knows.</summary>
    public static int SchemaVersion => StoreSchema.Migrations[StoreSchema.Migrations.Count - 1].Version;

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await BeforeMigrateAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {StoreSchema.VersionTable} (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        int current;
        await using (var read = Command(connection, transaction, $"SELECT COALESCE(MAX(version), 0) FROM {StoreSchema.VersionTable}"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The database's schema is version {current}, newer than this package knows ({SchemaVersion}): update Impact.ApiSubmissions.Storage.");
        }

        foreach (var (version, statements) in StoreSchema.Migrations.Where(m => m.Version > current))
        {
            foreach (var statement in statements)
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await using var record = Command(connection, transaction, $"INSERT INTO {StoreSchema.VersionTable} (version, applied_at) VALUES (@version, @applied_at)");
            Add(record, "@version", version, DbType.Int32);
            Add(record, "@applied_at", Text(DateTimeOffset.UtcNow), DbType.String);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SyncBookmark?> GetBookmarkAsync(string accountSid, string stream, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT continuation_token, completed_passes, updated_at FROM impact_sync_state WHERE account_sid = @account_sid AND stream = @stream");
        Add(command, "@account_sid", accountSid, DbType.String);
        Add(command, "@stream", stream, DbType.String);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new SyncBookmark(reader.IsDBNull(0) ? null : reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Date(reader.GetString(2))!.Value);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoredSubmissionState>> GetStatesAsync(string accountSid, IReadOnlyCollection<string> batchIds, CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, StoredSubmissionState>(StringComparer.Ordinal);
        await foreach (var state in LookUpAsync(accountSid, "batch_id", batchIds, null, cancellationToken).ConfigureAwait(false))
        {
            states[state.BatchId] = state;
        }

        return states;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSubmissionState>> GetUnfixedFailuresAsync(string accountSid, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken = default)
    {
        var failures = new List<StoredSubmissionState>();
        await foreach (var state in LookUpAsync(accountSid, "fix_order_id", orderIds, "has_errors = 1 AND status = 'Complete' AND fixed_by_batch_id IS NULL", cancellationToken).ConfigureAwait(false))
        {
            failures.Add(state);
        }

        return failures;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetPendingBatchIdsAsync(string accountSid, long? notSeenInPass = null, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT batch_id FROM impact_submissions WHERE account_sid = @account_sid AND status IN ('Queued', 'In Progress')"
            + (notSeenInPass is null ? string.Empty : " AND (seen_pass IS NULL OR seen_pass < @pass)")
            + " ORDER BY COALESCE(seen_pass, -1), submission_date, batch_id");
        Add(command, "@account_sid", accountSid, DbType.String);
        if (notSeenInPass is not null)
        {
            Add(command, "@pass", notSeenInPass.Value, DbType.Int64);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <inheritdoc />
    public async Task SaveAsync(SyncWrite write, CancellationToken cancellationToken = default)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await BeforeSyncWriteAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var seenAt = Text(write.SeenAt);
        var rows = new List<object?[]>(write.Submissions.Count);
        foreach (var s in write.Submissions)
        {
            rows.Add(new object?[]
            {
                write.AccountSid,
                s.BatchId ?? throw new ArgumentException("A submission to store has no BatchId.", nameof(write)),
                s.AccountId,
                Text(s.SubmissionDate),
                s.CampaignId,
                s.ActionTrackerId,
                s.MediaPartnerId,
                s.EventCode,
                s.OrderId,
                s.Payload,
                s.Type?.ToString(),
                s.Status?.ToString(),
                Text(s.CompletionDate),
                s.ErrorType?.ToString(),
                s.ErrorReason,
                s.Uri,
                Wire(s),
                s.HasErrors ? 1 : 0,
                SubmissionSync.OrderIdOf(s),
                write.Pass,
                seenAt,
                seenAt,
            });
        }

        // A BatchId written twice keeps its last copy.
        await InsertRowsAsync(connection, transaction, new RowInsert("impact_submissions", UpsertColumns, UpsertTypes, UpsertConflict, lastWins: true, rows), cancellationToken).ConfigureAwait(false);

        if (write.Events.Count > 0)
        {
            var reportedAt = write.EventsReported ? Instant(write.SeenAt) : null;
            var events = write.Events
                .Select((e, ordinal) => new object?[] { write.AccountSid, e.Key, e.Kind.ToString(), e.BatchId, e.FixedByBatchId, Instant(e.DetectedAt), ordinal, reportedAt })
                .ToList();
            await InsertRowsAsync(connection, transaction, new RowInsert("impact_events", EventColumns, EventTypes, EventConflict, lastWins: false, events), cancellationToken).ConfigureAwait(false);

            await ExecuteForEachAsync(connection, transaction, FixSql, new[] { "fixed_by", "account_sid", "batch_id" }, write.Events.Where(e => e.Kind == SubmissionEventKind.Fixed).ToList(), e => new (object?, DbType)[]
            {
                (e.FixedByBatchId, DbType.String),
                (write.AccountSid, DbType.String),
                (e.BatchId, DbType.String),
            }, cancellationToken).ConfigureAwait(false);
        }

        if (write.Bookmark is { } bookmark)
        {
            await WriteBookmarkAsync(connection, transaction, write.AccountSid, write.Stream, bookmark, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SaveFtpFilesAsync(string accountSid, IReadOnlyList<FtpFileSubmission> files, SyncBookmark? bookmark, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var seen = Text(seenAt);
        var rows = files.Select(f => new object?[]
        {
            accountSid,
            string.IsNullOrEmpty(f.BatchId) ? throw new ArgumentException("An FTP file to store has no BatchId.", nameof(files)) : f.BatchId,
            f.AccountId,
            Text(f.SubmissionDate),
            f.FileName,
            f.Type?.ToString(),
            f.Status?.ToString(),
            f.TotalRecords,
            f.TotalErrors,
            Text(f.CompletionDate),
            f.ErrorsUri,
            f.Uri,
            ImpactJson.Serialize(f),
            seen,
            seen,
        }).ToList();

        // A BatchId written twice keeps its last copy.
        await InsertRowsAsync(connection, transaction, new RowInsert("impact_ftp_files", FtpUpsertColumns, FtpUpsertTypes, FtpUpsertConflict, lastWins: true, rows), cancellationToken).ConfigureAwait(false);

        if (bookmark is not null)
        {
            await WriteBookmarkAsync(connection, transaction, accountSid, SubmissionSync.FtpFilesStream, bookmark, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<FtpFileSubmission> ReadFtpFilesAsync(string? accountSid = null, CancellationToken cancellationToken = default) => ReadFtpFilesCoreAsync(accountSid, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ApiSubmission> ReadSubmissionsAsync(string? accountSid = null, CancellationToken cancellationToken = default) => ReadSubmissionsCoreAsync(accountSid, cancellationToken);

    // Iterators stay private: the compiler's state-machine names would otherwise show in the public API snapshot.
    private IAsyncEnumerable<FtpFileSubmission> ReadFtpFilesCoreAsync(string? accountSid, CancellationToken cancellationToken) =>
        ReadRowsAsync("SELECT " + FtpColumns + " FROM impact_ftp_files", accountSid, r => FtpFile(r, 0), cancellationToken);

    private IAsyncEnumerable<ApiSubmission> ReadSubmissionsCoreAsync(string? accountSid, CancellationToken cancellationToken) =>
        ReadRowsAsync("SELECT " + Columns + " FROM impact_submissions", accountSid, r => Submission(r, 0), cancellationToken);

    // Every row of a table, of one account or of all.
    private async IAsyncEnumerable<T> ReadRowsAsync<T>(string select, string? accountSid, Func<DbDataReader, T> row, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, select + (accountSid is null ? string.Empty : " WHERE account_sid = @account_sid"));
        if (accountSid is not null)
        {
            Add(command, "@account_sid", accountSid, DbType.String);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return row(reader);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubmissionEvent>> GetUnreportedEventsAsync(string accountSid, int max, CancellationToken cancellationToken = default)
    {
        var events = new List<SubmissionEvent>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT e.kind, e.fixed_by_batch_id, e.detected_at, " + Prefixed("s.", Columns) + ", " + Prefixed("f.", FtpColumns) + " FROM impact_events e "
            + "LEFT JOIN impact_submissions s ON e.kind <> @ftp_kind AND s.account_sid = e.account_sid AND s.batch_id = e.batch_id "
            + "LEFT JOIN impact_ftp_files f ON e.kind = @ftp_kind AND f.account_sid = e.account_sid AND f.batch_id = e.batch_id "
            + "WHERE e.account_sid = @account_sid AND e.reported_at IS NULL AND (s.batch_id IS NOT NULL OR f.batch_id IS NOT NULL) "
            + "ORDER BY e.detected_at, e.ordinal, e.event_key LIMIT @max");
        Add(command, "@ftp_kind", nameof(SubmissionEventKind.FtpFileFailed), DbType.String);
        Add(command, "@account_sid", accountSid, DbType.String);
        Add(command, "@max", Math.Max(0, max), DbType.Int32);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = (SubmissionEventKind)Enum.Parse(typeof(SubmissionEventKind), reader.GetString(0));
            var detectedAt = Date(reader.GetString(2))!.Value;
            events.Add(kind == SubmissionEventKind.FtpFileFailed
                ? new SubmissionEvent(accountSid, FtpFile(reader, 3 + ColumnCount), detectedAt)
                : new SubmissionEvent(kind, accountSid, Submission(reader, 3), detectedAt, reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return events;
    }

    /// <inheritdoc />
    public async Task MarkReportedAsync(string accountSid, string eventKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "UPDATE impact_events SET reported_at = @now WHERE account_sid = @account_sid AND event_key = @event_key AND reported_at IS NULL");
        Add(command, "@now", Instant(DateTimeOffset.UtcNow), DbType.String);
        Add(command, "@account_sid", accountSid, DbType.String);
        Add(command, "@event_key", eventKey, DbType.String);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many submissions the store holds, of one account or of all.</summary>
    /// <param name="accountSid">The account; null for all.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of rows.</returns>
    public async Task<long> CountSubmissionsAsync(string? accountSid = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM impact_submissions" + (accountSid is null ? string.Empty : " WHERE account_sid = @account_sid"));
        if (accountSid is not null)
        {
            Add(command, "@account_sid", accountSid, DbType.String);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the store's connections.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Releases the store's connections asynchronously.</summary>
    /// <returns>A task that completes when done.</returns>
    protected virtual ValueTask DisposeAsyncCore() => default;

    /// <summary>Opens a connection to the database.</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs before the migration's transaction (e.g. SQLite's journal mode).</summary>
    private protected virtual Task BeforeMigrateAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs first in the transaction of <see cref="SaveAsync"/> (e.g. its durability).</summary>
    private protected virtual Task BeforeSyncWriteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Keeps other processes from migrating at the same time, inside the migration's transaction.</summary>
    private protected virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    private protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON fields of a model type that no column of the submissions table holds.</summary>
    internal static IReadOnlyList<string> FieldsNotInColumns(Type model) =>
        ((JsonObjectContract)new DefaultContractResolver().ResolveContract(model)).Properties
            .Where(p => !p.Ignored && p.PropertyName is not null && !ColumnFields.Contains(p.PropertyName))
            .Select(p => p.PropertyName!)
            .ToList();

    private static string? Wire(ApiSubmission submission) =>
        ColumnsHoldEveryModelField && submission.AdditionalProperties.Count == 0 ? null : ImpactJson.Serialize(submission);

    /// <summary>
    /// Inserts rows, each keyed by its first two columns (the table's key), with <see cref="RowInsert.OnConflict"/> for a
    /// key the table holds; inside the transaction. A key given twice keeps its last row when <see cref="RowInsert.LastWins"/>,
    /// else its first. Here one statement, prepared once, is re-bound per row: SQLite runs in process, so a row costs no
    /// round trip, and it matches each named parameter of a statement by a linear search, so statements of many rows
    /// (1,900 parameters) cost more than one row each.
    /// </summary>
    private protected virtual async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, RowInsert insert, CancellationToken cancellationToken)
    {
        if (insert.Rows.Count == 0)
        {
            return;
        }

        var names = insert.Columns.Select(c => "@" + c).ToArray();
        await using var command = Command(
            connection, transaction, "INSERT INTO " + insert.Table + " (" + string.Join(", ", insert.Columns) + ") VALUES (" + string.Join(", ", names) + ")" + insert.OnConflict);
        var parameters = Parameters(command, names);
        foreach (var row in insert.Rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                Set(parameters[i], row[i], insert.Types[i]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The SQL of a look-up: <see cref="StateColumns"/> of the account's submissions whose <paramref name="keyColumn"/> is one
    /// of <paramref name="keys"/> and that meet <paramref name="filter"/> (SQL, or null), its parameters added to the
    /// command (<c>@account_sid</c> is added by the caller). The filter must name the condition of the partial index it
    /// means to use (<c>has_errors = 1</c> for the failures). Here the keys go as one parameter, a JSON array read by
    /// <c>json_each</c>, and SQLite probes the key's index once per key: IN lists of 500 parameters each cost more to
    /// prepare and bind than the look-up itself (EXPLAIN QUERY PLAN: the primary key, or the failures' index).
    /// </summary>
    private protected virtual string LookUpSql(DbCommand command, string keyColumn, IReadOnlyList<string> keys, string? filter)
    {
        Add(command, "@keys", JsonArray(keys), DbType.String);
        return "SELECT " + StateColumns + " FROM impact_submissions WHERE account_sid = @account_sid AND " + keyColumn + " IN (SELECT value FROM json_each(@keys))"
            + (filter is null ? string.Empty : " AND " + filter);
    }

    // A JSON array of strings, written directly (not through JsonConvert, whose defaults an application may change).
    private static string JsonArray(IReadOnlyList<string> values)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteValue(value);
            }

            writer.WriteEndArray();
        }

        return text.ToString();
    }

    /// <summary>Rows to insert into one table (see <see cref="InsertRowsAsync"/>).</summary>
    private protected sealed class RowInsert(string table, string[] columns, DbType[] types, string onConflict, bool lastWins, IReadOnlyList<object?[]> rows)
    {
        public string Table { get; } = table;

        public string[] Columns { get; } = columns;

        public DbType[] Types { get; } = types;

        /// <summary>The statement's <c>ON CONFLICT</c> clause, with a leading space.</summary>
        public string OnConflict { get; } = onConflict;

        /// <summary>When a key (the first two columns: account and BatchId) repeats among <see cref="Rows"/>, the last row is kept.</summary>
        public bool LastWins { get; } = lastWins;

        /// <summary>One value per column each, in <see cref="Columns"/>' order.</summary>
        public IReadOnlyList<object?[]> Rows { get; } = rows;
    }

    // Runs one statement once per item, inside the transaction, its parameters named after the columns (@name).
    private static async Task ExecuteForEachAsync<T>(
        DbConnection connection, DbTransaction transaction, string sql, string[] names, IReadOnlyList<T> items, Func<T, (object? Value, DbType Type)[]> values, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (connection.CanCreateBatch)
        {
            foreach (var chunk in items.Chunk(RowsPerBatch))
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var item in chunk)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    var row = values(item);
                    for (var i = 0; i < names.Length; i++)
                    {
                        var p = command.CreateParameter();
                        p.ParameterName = "@" + names[i];
                        Set(p, row[i].Value, row[i].Type);
                        command.Parameters.Add(p);
                    }

                    batch.BatchCommands.Add(command);
                }

                // Prepared, the server plans the statement once per connection instead of once per row. Only these: a
                // prepared IN-list query gets a generic plan that scans the whole table (measured: 17 s a pass instead of 2).
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await using var one = Command(connection, transaction, sql);
        var parameters = Parameters(one, names.Select(n => "@" + n).ToArray());
        foreach (var item in items)
        {
            var row = values(item);
            for (var i = 0; i < names.Length; i++)
            {
                Set(parameters[i], row[i].Value, row[i].Type);
            }

            await one.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteBookmarkAsync(DbConnection connection, DbTransaction transaction, string accountSid, string stream, SyncBookmark bookmark, CancellationToken cancellationToken)
    {
        await using var mark = Command(connection, transaction, BookmarkSql);
        Add(mark, "@account_sid", accountSid, DbType.String);
        Add(mark, "@stream", stream, DbType.String);
        Add(mark, "@token", bookmark.ContinuationToken, DbType.String);
        Add(mark, "@passes", bookmark.CompletedPasses, DbType.Int64);
        Add(mark, "@updated_at", Text(bookmark.UpdatedAt), DbType.String);
        await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Prefixed(string prefix, string columns) => string.Join(", ", columns.Split(',').Select(c => prefix + c.Trim()));

    private static FtpFileSubmission FtpFile(DbDataReader r, int at)
    {
        string? S(int i) => r.IsDBNull(at + i) ? null : r.GetString(at + i);
        long? L(int i) => r.IsDBNull(at + i) ? null : Convert.ToInt64(r.GetValue(at + i), CultureInfo.InvariantCulture);
        if (S(12) is { } wire)
        {
            return ImpactJson.Deserialize<FtpFileSubmission>(wire);
        }

        return ApiSubmissionsModelFactory.FtpFileSubmission(
            batchId: S(1),
            accountId: L(2),
            submissionDate: Date(S(3)),
            fileName: S(4),
            type: S(5) is { } type ? new SubmissionType(type) : (SubmissionType?)null,
            status: S(6) is { } status ? new SubmissionStatus(status) : (SubmissionStatus?)null,
            totalRecords: L(7),
            totalErrors: L(8),
            completionDate: Date(S(9)),
            errorsUri: S(10),
            uri: S(11));
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private async IAsyncEnumerable<StoredSubmissionState> LookUpAsync(
        string accountSid, string keyColumn, IReadOnlyCollection<string> keys, string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            yield break;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, string.Empty);
        Add(command, "@account_sid", accountSid, DbType.String);
        command.CommandText = LookUpSql(command, keyColumn, distinct, filter);
        await foreach (var state in States(command, cancellationToken).ConfigureAwait(false))
        {
            yield return state;
        }
    }

    private static async IAsyncEnumerable<StoredSubmissionState> States(DbCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredSubmissionState(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0,
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : Date(reader.GetString(4)));
        }
    }

    private static ApiSubmission Submission(DbDataReader r, int at)
    {
        string? S(int i) => r.IsDBNull(at + i) ? null : r.GetString(at + i);
        long? L(int i) => r.IsDBNull(at + i) ? null : Convert.ToInt64(r.GetValue(at + i), CultureInfo.InvariantCulture);
        if (S(16) is { } wire)
        {
            // The record as impact.com sent it, every field included: written only for a record that carries a field the
            // columns do not hold (see Wire), and never for rows stored before schema 3. The columns below hold the others.
            return ImpactJson.Deserialize<ApiSubmission>(wire);
        }

        return ApiSubmissionsModelFactory.ApiSubmission(
            batchId: S(1),
            accountId: L(2),
            submissionDate: Date(S(3)),
            campaignId: L(4),
            actionTrackerId: L(5),
            mediaPartnerId: L(6),
            eventCode: S(7),
            orderId: S(8),
            payload: S(9),
            type: S(10) is { } type ? new SubmissionType(type) : (SubmissionType?)null,
            status: S(11) is { } status ? new SubmissionStatus(status) : (SubmissionStatus?)null,
            completionDate: Date(S(12)),
            errorType: S(13) is { } errorType ? new SubmissionErrorType(errorType) : (SubmissionErrorType?)null,
            errorReason: S(14),
            uri: S(15));
    }

    private static DbParameter[] Parameters(DbCommand command, params string[] names) =>
        names.Select(name =>
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
            return p;
        }).ToArray();

    private static void Add(DbCommand command, string name, object? value, DbType type)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        Set(p, value, type);
        command.Parameters.Add(p);
    }

    private static void Set(DbParameter parameter, object? value, DbType type)
    {
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
    }

    // The offset is kept as sent: impact.com's dates are in the account's time zone.
    private static string? Text(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    // Instants in UTC with a fixed width, so that text order is time order.
    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Date(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
