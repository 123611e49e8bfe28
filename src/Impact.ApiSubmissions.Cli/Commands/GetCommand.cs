namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>get</c>: one submission in full.</summary>
internal sealed class GetCommand : AsyncCommand<GetSettings>
{
    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;

    public GetCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        _environment = environment;
        _reporter = reporter;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, GetSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json);
        var reference = SubmissionReference.Require(settings.BatchId, settings.Demo, DemoServer.FailedBatchId, "get");
        var batchId = SubmissionReference.BatchId(reference);
        using var connection = ImpactConnection.Open(settings, _environment, _reporter);

        var submission = SubmissionReference.IsUri(reference)
            ? await connection.Client.GetApiSubmissionByUriAsync(reference, connection.Cancellation)
            : await connection.Client.GetApiSubmissionAsync(batchId, connection.Cancellation);

        if (format == OutputFormat.Json)
        {
            await _environment.RawOut.WriteLineAsync(JsonOutput.Format(submission));
            return ExitCodes.Success;
        }

        if (connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId))
        {
            _environment.Out.MarkupLine($"[grey]Demo: a submission that failed. Any BatchId from '{CliApp.Name} list --demo' works too.[/]");
        }

        SubmissionDetails.Write(_environment.Out, submission, withPayload: true);
        return ExitCodes.Success;
    }
}
