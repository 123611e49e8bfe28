namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Shows a progress bar while pages load (pages done of @numpages, records so far, requests left in
/// the rate-limit window); only on a live terminal, and never in json or csv output.
/// </summary>
internal static class ListingProgress
{
    /// <summary>Runs <paramref name="work"/>, which reads <paramref name="reader"/>, under a progress bar when <paramref name="show"/> is true and the terminal is live.</summary>
    public static async Task<TResult> RunAsync<T, TResult>(CliEnvironment environment, bool show, ListingReader<T> reader, Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        if (!show || !environment.IsLiveTerminal)
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }

        return await Bar(environment, "Reading the first page", 1, task =>
        {
            reader.PageRead += state =>
            {
                task.MaxValue = Math.Max(state.NumPages ?? state.Pages, state.Pages);
                task.Value = state.Pages;
                task.Description = Markup.Escape(Describe(state));
            };
            return work(cancellationToken);
        }).ConfigureAwait(false);
    }

    /// <summary>A progress bar (spinner, description, bar, percentage) cleared when <paramref name="work"/> ends.</summary>
    public static Task<TResult> Bar<TResult>(CliEnvironment environment, string description, double maxValue, Func<ProgressTask, Task<TResult>> work) =>
        environment.Out.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(context => work(context.AddTask(description, maxValue: maxValue)));

    /// <summary>One line about a listing so far, e.g. <c>page 2 of 3, 200 read, 12 matching, 998 of 1000 requests left</c>.</summary>
    public static string Describe(ListingState state)
    {
        var text = $"page {Display.N(state.Pages)} of {(state.NumPages is { } n ? Display.N(n) : "?")}, {Display.N(state.Read)} read, {Display.N(state.Matched)} matching";
        return text + RequestsLeft(state.RateLimit);
    }

    /// <summary>E.g. <c>, 998 of 1,000 requests left</c>; empty when the last answer did not say.</summary>
    public static string RequestsLeft(RateLimitState? rateLimit) =>
        rateLimit?.Remaining is { } remaining
            ? $", {Display.N(remaining)}{(rateLimit.Limit is { } limit ? " of " + Display.N(limit) : string.Empty)} requests left"
            : string.Empty;
}
