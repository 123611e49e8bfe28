using System.Collections.Generic;

namespace Impact.ApiSubmissions.Storage;

/// <summary>
/// The one schema of every store, as numbered migrations: a database records the versions it has in
/// <c>impact_schema_version</c>, and a store applies the missing ones in order. The statements run unchanged on SQLite
/// and PostgreSQL. Dates are ISO 8601 text with their offset, as impact.com sends them (nothing is lost to a time zone).
/// A migration once released is never edited: a change is a new version.
/// </summary>
internal static class StoreSchema
{
    public const string VersionTable = "impact_schema_version";

    public static IReadOnlyList<(int Version, string[] Statements)> Migrations { get; } = new[]
    {
        (1, new[]
        {
            """
            CREATE TABLE impact_submissions (
                account_sid TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                account_id BIGINT NULL,
                submission_date TEXT NULL,
                campaign_id BIGINT NULL,
                action_tracker_id BIGINT NULL,
                media_partner_id BIGINT NULL,
                event_code TEXT NULL,
                order_id TEXT NULL,
                payload TEXT NULL,
                type TEXT NULL,
                status TEXT NULL,
                completion_date TEXT NULL,
                error_type TEXT NULL,
                error_reason TEXT NULL,
                uri TEXT NULL,
                has_errors INTEGER NOT NULL,
                fix_order_id TEXT NULL,
                fixed_by_batch_id TEXT NULL,
                first_seen_at TEXT NOT NULL,
                last_seen_at TEXT NOT NULL,
                PRIMARY KEY (account_sid, batch_id)
            )
            """,
            "CREATE INDEX ix_impact_submissions_status ON impact_submissions (account_sid, status)",
            "CREATE INDEX ix_impact_submissions_fix ON impact_submissions (account_sid, fix_order_id)",
            """
            CREATE TABLE impact_sync_state (
                account_sid TEXT NOT NULL,
                stream TEXT NOT NULL,
                continuation_token TEXT NULL,
                completed_passes BIGINT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (account_sid, stream)
            )
            """,
            """
            CREATE TABLE impact_events (
                account_sid TEXT NOT NULL,
                event_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                fixed_by_batch_id TEXT NULL,
                detected_at TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                reported_at TEXT NULL,
                PRIMARY KEY (account_sid, event_key)
            )
            """,
            "CREATE INDEX ix_impact_events_unreported ON impact_events (account_sid, reported_at, detected_at)",
        }),
        (2, new[]
        {
            """
            CREATE TABLE impact_ftp_files (
                account_sid TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                account_id BIGINT NULL,
                submission_date TEXT NULL,
                file_name TEXT NULL,
                type TEXT NULL,
                status TEXT NULL,
                total_records BIGINT NULL,
                total_errors BIGINT NULL,
                completion_date TEXT NULL,
                errors_uri TEXT NULL,
                uri TEXT NULL,
                first_seen_at TEXT NOT NULL,
                last_seen_at TEXT NOT NULL,
                PRIMARY KEY (account_sid, batch_id)
            )
            """,
        }),
        // Each record's whole wire JSON: a field the spec adds later, or one impact.com sends that the spec does not
        // name, is kept and read back, whatever the typed columns (kept for queries) hold.
        (3, new[]
        {
            "ALTER TABLE impact_submissions ADD COLUMN wire TEXT NULL",
            "ALTER TABLE impact_ftp_files ADD COLUMN wire TEXT NULL",
        }),
        // The pass that last read each submission (SyncBookmark.CompletedPasses when it began): a pending row the
        // current pass has listed is fresh, only the others are read again by BatchId. Null: not known (older rows).
        (4, new[]
        {
            "ALTER TABLE impact_submissions ADD COLUMN seen_pass BIGINT NULL",
        }),
        // Indexes over the rows their look-ups read, not over every row: the pending submissions (a few percent of an
        // account) and the failures. Each row of a page written used to add an entry to both full indexes, and each
        // commit rewrote most of their pages (random keys): a fifth of SQLite's own time for a sync's rows, two fifths of
        // PostgreSQL's (45,000 rows copied in a page a transaction, from the sqlite3 and psql shells).
        (5, new[]
        {
            "DROP INDEX ix_impact_submissions_status",
            "DROP INDEX ix_impact_submissions_fix",
            "CREATE INDEX ix_impact_submissions_pending ON impact_submissions (account_sid, status) WHERE status IN ('Queued', 'In Progress')",
            "CREATE INDEX ix_impact_submissions_failures ON impact_submissions (account_sid, fix_order_id) WHERE has_errors = 1",
        }),
    };
}
