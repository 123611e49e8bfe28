namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>Ends a command with an exit code; its message is the one line the tool prints.</summary>
internal class CommandFailedException : Exception
{
    public CommandFailedException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}

/// <summary>A mistake the user can fix on the command line (exit code 1).</summary>
internal sealed class UsageException : CommandFailedException
{
    public UsageException(string message)
        : base(ExitCodes.UsageError, message)
    {
    }
}
