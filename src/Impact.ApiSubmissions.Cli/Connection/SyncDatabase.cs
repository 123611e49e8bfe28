using System.Data.Common;
using Impact.ApiSubmissions.Storage;

namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>The store a <c>--db</c> names, migrated and ready; with <c>--demo</c> and no <c>--db</c>, a temporary SQLite file deleted at the end.</summary>
internal sealed class SyncDatabase : IAsyncDisposable
{
    private readonly string? _temporary;

    private SyncDatabase(SqlSubmissionStore store, string? temporary)
    {
        Store = store;
        _temporary = temporary;
    }

    public SqlSubmissionStore Store { get; }

    /// <summary>
    /// Where <c>watch</c> keeps the events of one account still to hand to <c>--exec</c>/<c>--webhook</c>, across a kill:
    /// beside a SQLite file (<c>impact.db.&lt;AccountSid&gt;.hooks.jsonl</c>); for PostgreSQL, in this machine's state
    /// folder (<c>$XDG_STATE_HOME</c>, else <c>~/.local/state</c>; on Windows the local application data folder) under
    /// <c>impact-submissions/</c>, named by host, port, database and account; none for the demo's temporary file.
    /// Each account has its own, so watches of several accounts into one database never share one.
    /// </summary>
    /// <param name="accountSid">The account the watch reads.</param>
    /// <param name="getVariable">Reads an environment variable.</param>
    public string? HooksOutbox(string accountSid, Func<string, string?> getVariable)
    {
        if (_temporary is not null)
        {
            return null;
        }

        var account = FileNamePart(accountSid);
        if (Store is SqliteSubmissionStore sqlite)
        {
            return $"{sqlite.Path}.{account}.hooks.jsonl";
        }

        return Path.Combine(StateFolder(getVariable), "impact-submissions", $"{FileNamePart(Description)}.{account}.hooks.jsonl");
    }

    private static string StateFolder(Func<string, string?> getVariable)
    {
        if (getVariable("XDG_STATE_HOME") is { } state && Path.IsPathFullyQualified(state))
        {
            return state;
        }

        if (OperatingSystem.IsWindows())
        {
            return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }

        var home = getVariable("HOME") is { Length: > 0 } set ? set : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "state");
    }

    // Letters, digits, dot and hyphen stay; anything else (':', '/', spaces) becomes '_'.
    private static string FileNamePart(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());

    /// <summary>The store in words for messages: the file, or host, port and database (never a password).</summary>
    public string Description => _temporary is null ? Store.ToString()! : "a temporary SQLite file (give --db to keep it)";

    public static async Task<SyncDatabase> OpenAsync(string? database, bool demo, CancellationToken cancellationToken)
    {
        string? temporary = null;
        if (string.IsNullOrWhiteSpace(database))
        {
            if (!demo)
            {
                throw new UsageException("No database: pass --db with a SQLite file path (e.g. --db impact.db) or a PostgreSQL connection string.");
            }

            temporary = Path.Combine(Path.GetTempPath(), "impact-submissions-demo-" + Guid.NewGuid().ToString("N")[..12] + ".db");
            database = temporary;
        }

        SqlSubmissionStore store;
        try
        {
            store = SubmissionStores.Open(database!);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--db: " + e.Message.Split(" (Parameter", 2)[0]);
        }

        var opened = new SyncDatabase(store, temporary);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or TimeoutException)
        {
            var description = opened.Description;
            await opened.DisposeAsync().ConfigureAwait(false);
            throw Failed(description, e);
        }

        return opened;
    }

    /// <summary>A database failure as one line naming the database, never its password.</summary>
    public static CommandFailedException Failed(string description, Exception e) =>
        new(ExitCodes.ServiceError, $"Cannot use the database ({description}): {e.Message.Split('\n')[0].Trim()}", e);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync().ConfigureAwait(false);
        if (_temporary is not null)
        {
            foreach (var file in new[] { _temporary, _temporary + "-wal", _temporary + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
