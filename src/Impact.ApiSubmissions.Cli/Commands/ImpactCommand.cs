namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>What every command that calls impact.com holds: the environment it runs in, and where warnings and details go.</summary>
internal abstract class ImpactCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : CommandSettings
{
    protected ImpactCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        Environment = environment;
        Reporter = reporter;
    }

    protected CliEnvironment Environment { get; }

    protected ErrorReporter Reporter { get; }
}
