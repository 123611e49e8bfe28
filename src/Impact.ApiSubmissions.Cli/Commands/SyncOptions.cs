namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>The sync options <c>sync</c> and <c>watch</c> share, read from their command lines.</summary>
internal static class SyncOptions
{
    public static SubmissionSyncOptions From(SyncSettings settings, TimeSpan interval) => new()
    {
        PageSize = CountArgument.Parse("--page-size", settings.PageSize, 1, 20000) ?? 1000,
        RequestsPerHour = CountArgument.Parse("--budget", settings.Budget, 1, 100000) ?? 500,
        Interval = interval,
    };
}
