namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>The BATCHID argument of the <c>ftp</c> commands: a file's BatchId, or one of its links (Uri, ErrorsUri).</summary>
internal static class FtpReference
{
    /// <summary>True when the argument is a link, which the client follows only within the account.</summary>
    public static bool IsUri(string value) => value.Contains('/', System.StringComparison.Ordinal);

    /// <summary>The argument, or the demo's default when it is missing in demo mode.</summary>
    /// <exception cref="UsageException">Missing, outside demo mode.</exception>
    public static string Require(string? value, bool demo, string demoDefault, string command) =>
        !string.IsNullOrWhiteSpace(value) ? value.Trim()
        : demo ? demoDefault
        : throw new UsageException($"Which file? Give its BatchId: {CliApp.Name} ftp {command} <BATCHID> ('{CliApp.Name} ftp list' shows them).");
}
