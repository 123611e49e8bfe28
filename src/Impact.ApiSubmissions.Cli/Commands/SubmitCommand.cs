namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>submit</c>: checks a conversion, sends it, prints its QueuedUri and BatchId, and with <c>--wait</c> follows it.</summary>
internal sealed class SubmitCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<SubmitSettings>(environment, reporter)
{
    public override async Task<int> ExecuteAsync(CommandContext context, SubmitSettings settings)
    {
        var payload = SubmissionPayload.Parse(await ReadPayloadAsync(settings));
        var problems = payload.Validate();
        if (problems.Count > 0)
        {
            throw Invalid(problems);
        }

        // Read before sending: a typo in a --wait option must not fail after the conversion is queued.
        var timing = WaitTiming.Parse(settings.Interval, null, settings.Timeout, settings.Demo);
        using var connection = ImpactConnection.Open(settings, Environment, Reporter);
        var console = Environment.Out;
        if (connection.IsDemo)
        {
            Demo.WriteBanner(console, connection.Demo!);
        }

        var queued = await connection.Client.SubmitConversionAsync(payload, connection.Cancellation);
        WriteQueued(console, queued);
        return settings.Wait
            ? await WaitCommand.FollowAsync(Environment, connection, queued.BatchId!, timing)
            : ExitCodes.Success;
    }

    /// <summary>The one line a refused payload ends with: every problem, and that nothing was sent (exit code 3, as <c>payload decode</c>).</summary>
    internal static CommandFailedException Invalid(System.Collections.Generic.IReadOnlyList<PayloadProblem> problems) =>
        new(
            ExitCodes.CompletedWithErrors,
            $"The payload has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}, so nothing was sent: "
            + string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p.Message}")));

    internal static void WriteQueued(IAnsiConsole console, ConversionQueued queued)
    {
        console.MarkupLine($"Queued: [bold]{Markup.Escape(queued.BatchId!)}[/]");
        console.MarkupLine($"QueuedUri: {Markup.Escape(queued.QueuedUri!)}");
    }

    private async Task<string> ReadPayloadAsync(SubmitSettings settings)
    {
        var sources = (settings.Payload is null ? 0 : 1) + (settings.File is null ? 0 : 1);
        if (sources > 1)
        {
            throw new UsageException("Give the payload once: as an argument, with --file, or on standard input (-), not several.");
        }

        string text;
        if (settings.File is "-" || (settings.Payload is null && settings.File is null && Environment.IsInputRedirected))
        {
            text = await Environment.In.ReadToEndAsync(Environment.Cancellation);
        }
        else if (settings.File is { } path)
        {
            try
            {
                text = await File.ReadAllTextAsync(path, Environment.Cancellation);
            }
            catch (IOException e)
            {
                throw new UsageException($"Cannot read --file '{path}': {e.Message}");
            }
            catch (System.UnauthorizedAccessException e)
            {
                throw new UsageException($"Cannot read --file '{path}': {e.Message}");
            }
        }
        else if (settings.Payload is { } argument)
        {
            text = argument;
        }
        else if (settings.Demo)
        {
            text = DemoServer.SampleConversion;
        }
        else
        {
            throw new UsageException($"Which conversion? Give it in quotes ({CliApp.Name} submit \"CampaignId=1000&...\"), with --file PATH, or pipe it in.");
        }

        // A line end from echo or a file is not part of the payload.
        text = text.TrimEnd('\r', '\n');
        if (text.Length == 0 && settings.Demo && settings.Payload is null && settings.File is null)
        {
            // --demo run from a script with nothing piped in: the demo's conversion, as with no input at all.
            text = DemoServer.SampleConversion;
        }

        return text.Length > 0 ? text : throw new UsageException("The payload is empty.");
    }
}
