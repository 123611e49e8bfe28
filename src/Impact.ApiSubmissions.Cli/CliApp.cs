using System.Reflection;

namespace Impact.ApiSubmissions.Cli;

/// <summary>
/// The <c>impact-submissions</c> tool: its commands, and the one place where whatever stops a command
/// becomes one line on stderr and an exit code. Tests run it in-process through <see cref="RunAsync"/>.
/// </summary>
internal static class CliApp
{
    public const string Name = "impact-submissions";

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        var redactor = SecretRedactor.For(args, environment.GetVariable);
        var reporter = new ErrorReporter(environment, redactor);
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliEnvironment), environment);
        registrar.RegisterInstance(typeof(ErrorReporter), reporter);

        var app = new CommandApp(registrar);
        app.Configure(config => Configure(config, environment));
        try
        {
            // --version anywhere prints the version; -v is --verbose, as in the dotnet CLI.
            if (args is ["-v"])
            {
                throw new UsageException("-v is --verbose, as in the dotnet CLI; the version is --version.");
            }

            if (args.Any(a => a == "--version"))
            {
                await environment.RawOut.WriteLineAsync(Version()).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            return await app.RunAsync(args).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return reporter.Report(e, verbose: args.Any(a => a == "-v" || string.Equals(a, "--verbose", StringComparison.OrdinalIgnoreCase)));
        }
        finally
        {
            await environment.RawOut.FlushAsync().ConfigureAwait(false);
        }
    }

    private static void Configure(IConfigurator config, CliEnvironment environment)
    {
        config.SetApplicationName(Name);
        config.ConfigureConsole(environment.Out);
        config.PropagateExceptions();
        config.UseStrictParsing();
        config.SetHelpProvider(new CliHelpProvider(config.Settings));

        config.AddCommand<ListCommand>("list")
            .WithDescription("List the account's API submissions, filtered, as a table, JSON or CSV.")
            .WithExample("list", "--demo")
            .WithExample("list", "--errors-only", "--since", "7d")
            .WithExample("list", "--status", "Complete", "--error-reason", "CONTRACT_NOT_FOUND", "--format", "csv");
        config.AddCommand<GetCommand>("get")
            .WithDescription("Show one submission: every field, its status, each error reason with what it means, and the payload it carried.")
            .WithExample("get", "A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l")
            .WithExample("get", "/Advertisers/IRabc123/APISubmissions/A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l")
            .WithExample("get", "--demo");
        config.AddCommand<WaitCommand>("wait")
            .WithDescription("Poll a submission until impact.com finishes it, showing each status change. Exit code 0: complete without errors; 3: complete with errors; 4: timed out.")
            .WithExample("wait", "A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l", "--timeout", "5m")
            .WithExample("wait", "--demo");
        config.AddCommand<SubmitCommand>("submit")
            .WithDescription("Check a conversion and send it to impact.com; prints its QueuedUri and BatchId. --wait follows it like wait. Exit code 3 when the payload has problems (nothing is sent).")
            .WithExample("submit", "\"CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=1234567890123&ClickId=abc&CurrencyCode=USD&ItemSku1=12345&ItemQuantity1=1&ItemPrice1=10\"")
            .WithExample("submit", "--file", "conversion.txt", "--wait")
            .WithExample("submit", "--demo", "--wait");
        config.AddCommand<ResubmitCommand>("resubmit")
            .WithDescription("Fix and send again failed conversions: one by BatchId, or a batch by filter. Shows the payload changes and the check; a dry run unless --yes. Exit code 3 when a payload has problems.")
            .WithExample("resubmit", "A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l", "--set", "CampaignId=1001", "--yes", "--wait")
            .WithExample("resubmit", "--errors-only", "--error-reason", "CAMPAIGN_NOT_FOUND", "--set", "CampaignId=1001", "--report", "resubmitted.csv", "--yes")
            .WithExample("resubmit", "--demo", "--set", "CampaignId=1001", "--yes", "--wait");
        config.AddCommand<ErrorsCommand>("errors")
            .WithDescription("Why submissions fail: counts by ErrorType and ErrorReason with what each reason means, and the programs and partners with the most failures.")
            .WithExample("errors", "--demo")
            .WithExample("errors", "--since", "30d", "--top", "10");
        config.AddCommand<SyncCommand>("sync")
            .WithDescription("Keep the account's submissions beyond impact.com's 90 days: one pass into a SQLite file or a PostgreSQL database (new ones inserted, changed ones updated, an interrupted pass resumed), within a request budget.")
            .WithExample("sync", "--db", "impact.db")
            .WithExample("sync", "--db", "Host=localhost;Database=impact;Username=impact")
            .WithExample("sync", "--demo");
        config.AddCommand<WatchCommand>("watch")
            .WithDescription("Sync at an interval and print each new failure (and each fix) as it is found, once, also across restarts; --exec and --webhook hand each event on.")
            .WithExample("watch", "--db", "impact.db", "--interval", "5m")
            .WithExample("watch", "--db", "impact.db", "--format", "jsonl", "--webhook", "https://hooks.example.com/impact")
            .WithExample("watch", "--demo");
        config.AddCommand<HistoryCommand>("history")
            .WithDescription("Failure counts over all the stored history (beyond 90 days) by day, reason, program and partner, as bar charts or CSV.")
            .WithExample("history", "--db", "impact.db")
            .WithExample("history", "--db", "impact.db", "--format", "csv")
            .WithExample("history", "--demo");
        config.AddCommand<MockCommand>("mock")
            .WithDescription("Run a fake impact.com on this machine until Ctrl+C: the generated data set with scenarios (rate limit, latency, failures, progressing submissions), or WireMock mapping files. Prints the base URL, credentials and a curl example.")
            .WithExample("mock")
            .WithExample("mock", "--port", "8080", "--seed", "7", "--count", "5000")
            .WithExample("mock", "--rate-limit", "10", "--rate-limit-window", "1m", "--no-retry-after")
            .WithExample("mock", "--live", "30/min")
            .WithExample("mock", "--mappings", "tests/contracts/mappings");
        config.AddBranch("ftp", ftp =>
        {
            ftp.SetDescription("FTP file submissions: the files uploaded over FTP, their counts and their failed lines.");
            ftp.AddCommand<FtpListCommand>("list")
                .WithDescription("List the account's FTP file submissions (date filters applied by impact.com) as a table, JSON or CSV.")
                .WithExample("ftp", "list", "--demo")
                .WithExample("ftp", "list", "--since", "7d", "--errors-only")
                .WithExample("ftp", "list", "--completed-since", "2024-08-01", "--completed-until", "2024-08-31", "--format", "csv");
            ftp.AddCommand<FtpGetCommand>("get")
                .WithDescription("Show one FTP file submission: its counts, the outcome, and its first failed lines.")
                .WithExample("ftp", "get", "F-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l")
                .WithExample("ftp", "get", "--demo");
            ftp.AddCommand<FtpErrorsCommand>("errors")
                .WithDescription("Every failed line of one FTP file (table, JSON or CSV), then the lines counted by ErrorReason with what each reason means.")
                .WithExample("ftp", "errors", "F-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l", "--format", "csv")
                .WithExample("ftp", "errors", "--demo");
            ftp.AddCommand<FtpWaitCommand>("wait")
                .WithDescription("Poll an FTP file until impact.com has processed it, showing each status change. Exit code 0: no failed records; 3: some records failed; 4: timed out.")
                .WithExample("ftp", "wait", "F-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l", "--timeout", "30m")
                .WithExample("ftp", "wait", "--demo");
        });
        config.AddBranch("payload", payload =>
        {
            payload.SetDescription("Work with a submission's payload offline.");
            payload.AddCommand<PayloadDecodeCommand>("decode")
                .WithDescription("Decode a payload (argument or standard input) into its fields and items, and check it. Exit code 3 when it has problems.")
                .WithExample("payload", "decode", "\"CampaignId=1000&EventDate=2024-08-01T23:55:24-08:00&OrderId=1&ItemSku1=12345&ItemQuantity1=two\"")
                .WithExample("payload", "decode", "--type", "Modification", "<", "payload.txt");
        });
    }

    private static string Version()
    {
        var assembly = typeof(CliApp).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
