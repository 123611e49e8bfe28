using System;

namespace Impact.ApiSubmissions.Storage;

/// <summary>Opens the store a <c>--db</c> value names: a PostgreSQL connection string or URI, else a SQLite file.</summary>
public static class SubmissionStores
{
    /// <summary>
    /// A <see cref="PostgresSubmissionStore"/> for <c>postgres://...</c>, <c>postgresql://...</c> or a connection string with
    /// <c>Host=</c>; otherwise a <see cref="SqliteSubmissionStore"/> on that file path.
    /// </summary>
    /// <param name="database">The connection string, URI or file path.</param>
    /// <returns>The store; call <see cref="ISubmissionStore.MigrateAsync"/> before use, and dispose it.</returns>
    /// <exception cref="ArgumentException"><paramref name="database"/> is empty or cannot be read.</exception>
    public static SqlSubmissionStore Open(string database)
    {
        if (string.IsNullOrWhiteSpace(database))
        {
            throw new ArgumentException("No database: give a SQLite file path or a PostgreSQL connection string.", nameof(database));
        }

        var text = database.Trim();
        return IsPostgres(text) ? new PostgresSubmissionStore(text) : new SqliteSubmissionStore(text);
    }

    /// <summary>Whether <see cref="Open"/> reads <paramref name="database"/> as PostgreSQL.</summary>
    /// <param name="database">The value.</param>
    /// <returns>True for a PostgreSQL URI or connection string.</returns>
    public static bool IsPostgres(string database) =>
        PostgresUri.IsUri(database.Trim())
        || database.IndexOf("Host=", StringComparison.OrdinalIgnoreCase) >= 0
        || database.IndexOf("Server=", StringComparison.OrdinalIgnoreCase) >= 0;
}
