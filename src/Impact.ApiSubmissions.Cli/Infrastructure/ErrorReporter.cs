using System.Net.Http;

namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>
/// Turns whatever stopped a command into one clear line on stderr and an exit code; with --verbose,
/// the details follow. Every line passes through <see cref="SecretRedactor"/> so the Auth Token never shows.
/// </summary>
internal sealed class ErrorReporter
{
    private readonly CliEnvironment _environment;
    private readonly SecretRedactor _redactor;

    public ErrorReporter(CliEnvironment environment, SecretRedactor redactor)
    {
        _environment = environment;
        _redactor = redactor;
    }

    private CancellationToken _deadline;
    private string? _deadlineText;

    /// <summary>What to advise, for the command that runs, after a deadline ended it.</summary>
    public DeadlineAdvice Advice { get; set; } = DeadlineAdvice.None;

    /// <summary>The command's <c>--timeout</c>: a cancellation of <paramref name="deadline"/> reads as that timeout, not as Ctrl+C.</summary>
    public void CommandDeadline(CancellationToken deadline, string timeout)
    {
        _deadline = deadline;
        _deadlineText = timeout;
    }

    /// <summary>Prints the error and returns the exit code it stands for.</summary>
    public int Report(Exception exception, bool verbose)
    {
        var (code, line) = Explain(exception);
        WriteLine(code == ExitCodes.Cancelled ? line : "error: " + line, ConsoleColorCode.Red);
        // A mistake on the command line is said in its one line: no stack trace, even with --verbose.
        if (verbose && code != ExitCodes.UsageError)
        {
            foreach (var detail in Details(exception))
            {
                WriteLine("  " + detail, null);
            }
        }

        return code;
    }

    // Which deadline ended the command decides the line: the command's --timeout, or one of a request's own.
    private (int Code, string Line) Explain(Exception exception)
    {
        if (_environment.Cancellation.IsCancellationRequested)
        {
            return Describe(exception, _environment.Cancellation);
        }

        if (exception is OperationCanceledException && _deadline.IsCancellationRequested)
        {
            return (ExitCodes.ServiceError, $"impact.com did not finish answering within --timeout {_deadlineText}: give a longer --timeout{Advice.AfterTimeout}.");
        }

        if (exception is ImpactTimeoutException timeout and not ImpactWaitTimeoutException)
        {
            return (ExitCodes.ServiceError, OneLine(timeout.Message) + (Advice.AfterRequestDeadline.Length == 0 ? string.Empty : Advice.AfterRequestDeadline + "."));
        }

        return Describe(exception, _environment.Cancellation);
    }

    /// <summary>Prints a line that says what the tool is waiting for (not an error, not a --verbose detail).</summary>
    public void Notice(string message) => WriteLine(message, null);

    /// <summary>Prints a warning line that does not stop the command.</summary>
    public void Warn(string message) => WriteLine("warning: " + message, ConsoleColorCode.Yellow);

    /// <summary>Prints a --verbose detail line.</summary>
    public void Detail(string message) => WriteLine(message, null);

    internal static (int Code, string Line) Describe(Exception exception, System.Threading.CancellationToken cancellation)
    {
        switch (exception)
        {
            case CommandFailedException failed:
                return (failed.ExitCode, failed.Message);
            case CommandAppException app:
                return (ExitCodes.UsageError, OneLine(app.Message) + " See --help.");
            case OperationCanceledException when cancellation.IsCancellationRequested:
                return (ExitCodes.Cancelled, "Cancelled.");
            case ImpactApiException api:
                // The whole family (service errors, transport, timeouts, unreadable answers, refused links) says what happened itself.
                return (ExitCodes.ServiceError, OneLine(api.Message));
            case TimeoutException timeout:
                return (ExitCodes.ServiceError, OneLine(timeout.Message));
            case HttpRequestException http:
                return (ExitCodes.ServiceError, "Could not reach impact.com: " + OneLine(http.Message));
            case ArgumentException argument:
                return (ExitCodes.UsageError, OneLine(WithoutParameterName(argument)));
            default:
                return (ExitCodes.ServiceError, $"Unexpected {exception.GetType().Name}: {OneLine(exception.Message)} Run again with --verbose for details.");
        }
    }

    private static IEnumerable<string> Details(Exception exception)
    {
        if (exception is ImpactApiException api)
        {
            yield return "HTTP status: " + api.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (api.Error is { } error)
            {
                yield return $"impact.com said: Status={error.Status ?? "(none)"}, Message={error.Message ?? "(none)"}";
                foreach (var field in error.Errors ?? Enumerable.Empty<ImpactFieldError>())
                {
                    yield return $"  field {field.Field}: {field.Message}";
                }
            }

            if (api.RateLimit is { } rate)
            {
                yield return "Rate limit: " + rate;
            }

            if (!string.IsNullOrWhiteSpace(api.Response))
            {
                yield return "Body: " + OneLine(api.Response!.Length > 500 ? api.Response.Substring(0, 500) + "..." : api.Response);
            }
        }

        if (exception.InnerException is ImpactWaitTimeoutException wait && wait.LastSeen is { } last)
        {
            yield return "Last seen: " + last;
        }

        // The exception chain, stack traces included: what a bug report needs.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return (current == exception ? string.Empty : "caused by ") + current.GetType().FullName + ": " + OneLine(current.Message);
            foreach (var line in (current.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return "  " + line.Trim();
            }
        }
    }

    /// <summary>The message of an SDK argument check, without .NET's <c>(Parameter 'name')</c>: the user gave no parameter.</summary>
    internal static string WithoutParameterName(ArgumentException argument)
    {
        var message = argument.Message;
        var suffix = argument.ParamName is null ? null : $" (Parameter '{argument.ParamName}')";
        return suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message.Substring(0, message.Length - suffix.Length) : message;
    }

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private void WriteLine(string text, string? color)
    {
        text = _redactor.Redact(text);
        var writer = _environment.Error;
        lock (writer)
        {
            if (color is not null && _environment.ErrorHasColors)
            {
                writer.WriteLine(color + text + ConsoleColorCode.Reset);
            }
            else
            {
                writer.WriteLine(text);
            }
        }
    }

    private static class ConsoleColorCode
    {
        public const string Red = "\u001b[31m";
        public const string Yellow = "\u001b[33m";
        public const string Reset = "\u001b[0m";
    }
}
