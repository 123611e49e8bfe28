using System.Data.Common;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>
/// <c>watch</c>: sync passes at an interval, printing each new failure (and each fix) as it is found. An event is
/// marked reported once it is printed and the watch moves on, so a watch stopped and started again prints every
/// failure once (one printed just before a kill may print again: its <c>key</c> tells).
/// </summary>
internal sealed class WatchCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<WatchSettings>(environment, reporter)
{
    private const int DemoLivePerMinute = 12;

    public override async Task<int> ExecuteAsync(CommandContext context, WatchSettings settings)
    {
        var jsonl = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.JsonLines) == OutputFormat.JsonLines;
        var interval = DurationArgument.Parse("--interval", settings.Interval, settings.Demo ? TimeSpan.FromSeconds(10) : TimeSpan.FromMinutes(5));
        if (settings.Live is not null && !settings.Demo)
        {
            throw new UsageException("--live goes with --demo; against a mock of your own, start it with 'impact-submissions mock --live N/min'.");
        }

        var live = LiveRate.Parse(settings.Live) ?? DemoLivePerMinute;
        var options = SyncOptions.From(settings, interval);
        options.PassFailed = e => Reporter.Warn($"a pass failed; trying again in {Display.Duration(interval)}: {e.Message}");
        using var connection = ImpactConnection.Open(settings, Environment, Reporter, wholeCommandDeadline: false);
        using var traffic = connection.IsDemo ? connection.Demo!.Server.StartLiveSubmissions(live) : null;
        await using var database = await SyncDatabase.OpenAsync(settings.Database, connection.IsDemo, connection.Cancellation);
        await using var hooks = EventHooks.Create(settings.Exec, settings.Webhook, Reporter.Warn, outbox: database.HooksOutbox(connection.Client.AccountSid, Environment.GetVariable));
        var cancellation = connection.Cancellation;
        var intro = $"Watching {connection.Client.AccountSid} every {Display.Duration(interval)} into {database.Description}"
            + (connection.IsDemo ? $" (demo: the mock adds {live.ToString(CultureInfo.InvariantCulture)} submissions a minute, one in four failing)" : string.Empty)
            + ". Ctrl+C to stop.";
        if (jsonl)
        {
            Reporter.Detail(intro);
        }
        else
        {
            Environment.Out.MarkupLine("[grey]" + Markup.Escape(intro) + "[/]");
        }

        try
        {
            await foreach (var e in new SubmissionSync(connection.Client, database.Store, options).WatchAsync(cancellation))
            {
                if (e.Kind == SubmissionEventKind.Completed && !settings.AllEvents)
                {
                    continue;
                }

                var json = jsonl || hooks is not null ? EventOutput.Json(e) : null;
                if (jsonl)
                {
                    await Environment.RawOut.WriteLineAsync(json);
                }
                else
                {
                    Environment.Out.MarkupLine(EventOutput.Line(e));
                }

                await Environment.RawOut.FlushAsync();
                hooks?.Enqueue(json!);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl+C: every event printed so far is recorded as reported.
        }
        catch (DbException e)
        {
            throw SyncDatabase.Failed(database.Description, e);
        }

        Reporter.Detail("Stopped.");
        return ExitCodes.Success;
    }
}
