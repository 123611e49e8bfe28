namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>What every command that calls impact.com holds: the environment it runs in, and where warnings and details go.</summary>
internal abstract class ImpactCommand<TSettings>(CliEnvironment environment, ErrorReporter reporter) : AsyncCommand<TSettings>
    where TSettings : CommandSettings
{
    protected CliEnvironment Environment { get; } = environment;

    protected ErrorReporter Reporter { get; } = reporter;
}
