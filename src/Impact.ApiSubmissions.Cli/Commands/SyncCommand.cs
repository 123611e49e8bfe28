using System.Data.Common;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>sync</c>: one pass of the account's submissions into a database, with a progress bar and a summary.</summary>
internal sealed class SyncCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<SyncSettings>(environment, reporter)
{
    public override async Task<int> ExecuteAsync(CommandContext context, SyncSettings settings)
    {
        var options = SyncOptions.From(settings, TimeSpan.FromMinutes(5));
        using var connection = ImpactConnection.Open(settings, Environment, Reporter);
        await using var database = await SyncDatabase.OpenAsync(settings.Database, connection.IsDemo, connection.Cancellation);
        var console = Environment.Out;
        if (connection.IsDemo)
        {
            Demo.WriteBanner(console, connection.Demo!);
        }

        SyncPassResult result;
        bool first;
        try
        {
            first = (await database.Store.GetBookmarkAsync(connection.Client.AccountSid, SubmissionSync.SubmissionsStream, connection.Cancellation))?.CompletedPasses is null or 0;
            result = await RunAsync(connection, database, options);
        }
        catch (DbException e)
        {
            throw SyncDatabase.Failed(database.Description, e);
        }

        console.MarkupLine(Markup.Escape(Summary(result, database.Description, first)));
        await Environment.RawOut.FlushAsync();
        return ExitCodes.Success;
    }

    private async Task<SyncPassResult> RunAsync(ImpactConnection connection, SyncDatabase database, SubmissionSyncOptions options)
    {
        if (!Environment.IsLiveTerminal)
        {
            return await new SubmissionSync(connection.Client, database.Store, options).RunPassAsync(connection.Cancellation);
        }

        return await ListingProgress.Bar(Environment, "Reading the first page", 1, task =>
        {
            options.Progress = state =>
            {
                task.MaxValue = Math.Max(state.NumPages ?? state.Pages, state.Pages);
                task.Value = state.Pages;
                task.Description = Markup.Escape(Describe(state));
            };
            return new SubmissionSync(connection.Client, database.Store, options).RunPassAsync(connection.Cancellation);
        });
    }

    /// <summary>One line about a pass so far, e.g. <c>page 2 of 3, 2,000 stored (12 new), 998 of 1,000 requests left</c>.</summary>
    internal static string Describe(SyncPassResult state)
    {
        return $"page {N(state.Pages)} of {(state.NumPages is { } n ? N(n) : "?")}, {N(state.Read)} stored ({N(state.Inserted)} new)"
            + ListingProgress.RequestsLeft(state.RateLimit);
    }

    internal static string Summary(SyncPassResult result, string database, bool first)
    {
        var text = $"Synced {N(result.Read)} submissions into {database}: {N(result.Inserted)} new, {N(result.Changed)} changed"
            + $"{(result.Reread > 0 ? $", {N(result.Reread)} pending read again" : string.Empty)}; {N(result.Pages)} {(result.Pages == 1 ? "page" : "pages")}, {N(result.Requests)} requests"
            + (result.Resumed ? ", resuming the pass that stopped before." : ".")
            + (result.FtpFilesSkipped ? " FTP files: not allowed for this token (403), skipped." : $" {N(result.FtpFiles)} FTP file submissions stored.");
        if (result.Total is { } total)
        {
            text += $" impact.com lists {N(total)}.";
        }

        if (first)
        {
            return text + " First pass: this is the history; later passes and 'watch' report what changes.";
        }

        var failed = result.Events.Count(e => e.Kind == SubmissionEventKind.Failed);
        var fixedCount = result.Events.Count(e => e.Kind == SubmissionEventKind.Fixed);
        var completed = result.Events.Count(e => e.Kind == SubmissionEventKind.Completed);
        var ftpFailed = result.Events.Count(e => e.Kind == SubmissionEventKind.FtpFileFailed);
        return text + $" Since the last pass: {N(failed)} new {(failed == 1 ? "failure" : "failures")}, {N(fixedCount)} fixed, {N(completed)} completed"
            + (ftpFailed > 0 ? $", {N(ftpFailed)} FTP {(ftpFailed == 1 ? "file" : "files")} with failed records." : ".");
    }

    private static string N(long value) => Display.N(value);
}
