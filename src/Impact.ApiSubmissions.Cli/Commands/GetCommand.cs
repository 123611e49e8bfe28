namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>get</c>: one submission in full.</summary>
internal sealed class GetCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<GetSettings>(environment, reporter)
{
    public override async Task<int> ExecuteAsync(CommandContext context, GetSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json);
        var reference = SubmissionReference.Require(settings.BatchId, settings.Demo, DemoServer.FailedBatchId, "get");
        var batchId = SubmissionReference.BatchId(reference);
        using var connection = ImpactConnection.Open(settings, Environment, Reporter);

        var submission = SubmissionReference.IsUri(reference)
            ? await connection.Client.GetApiSubmissionByUriAsync(reference, connection.Cancellation)
            : await connection.Client.GetApiSubmissionAsync(batchId, connection.Cancellation);

        if (format == OutputFormat.Json)
        {
            await Environment.RawOut.WriteLineAsync(WireJson.Format(submission));
            return ExitCodes.Success;
        }

        if (connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId))
        {
            Environment.Out.MarkupLine($"[grey]Demo: a submission that failed. Any BatchId from '{CliApp.Name} list --demo' works too.[/]");
        }

        SubmissionDetails.Write(Environment.Out, submission, withPayload: true);
        return ExitCodes.Success;
    }
}
