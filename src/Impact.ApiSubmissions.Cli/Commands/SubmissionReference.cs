namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>The BATCHID argument of <c>get</c> and <c>wait</c>: a BatchId, or a QueuedUri holding one.</summary>
internal static class SubmissionReference
{
    public static bool IsUri(string value) => value.Contains('/', System.StringComparison.Ordinal);

    /// <summary>The BatchId in <paramref name="value"/>.</summary>
    /// <exception cref="UsageException">A path that is not a submission's.</exception>
    public static string BatchId(string value)
    {
        var text = value.Trim();
        if (!IsUri(text))
        {
            return text;
        }

        return ApiSubmission.BatchIdFromUri(text)
            ?? throw new UsageException($"'{text}' is neither a BatchId nor a submission's QueuedUri (/Advertisers/<AccountSID>/APISubmissions/<BatchId>).");
    }

    /// <summary>The argument, or the demo's default when it is missing in demo mode.</summary>
    /// <exception cref="UsageException">Missing, outside demo mode.</exception>
    public static string Require(string? value, bool demo, string demoDefault, string command)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return demo ? demoDefault : throw new UsageException($"Which submission? Give its BatchId or QueuedUri: {CliApp.Name} {command} <BATCHID>.");
    }
}
