namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Shows a progress bar while pages load (pages done of @numpages, submissions so far, requests left in
/// the rate-limit window); only on a live terminal, and never in json or csv output.
/// </summary>
internal static class ListingProgress
{
    public static async Task<T> RunAsync<T>(CliEnvironment environment, bool show, SubmissionReader reader, Func<Task<T>> work)
    {
        if (!show || !environment.IsLiveTerminal)
        {
            return await work().ConfigureAwait(false);
        }

        return await environment.Out.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Reading the first page", maxValue: 1);
                reader.PageRead += state =>
                {
                    task.MaxValue = Math.Max(state.NumPages ?? state.Pages, state.Pages);
                    task.Value = state.Pages;
                    task.Description = Markup.Escape(Describe(state));
                };
                return await work().ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>One line about a listing so far, e.g. <c>page 2 of 3, 200 read, 12 matching, 998 of 1000 requests left</c>.</summary>
    public static string Describe(SubmissionReader.ReadState state)
    {
        var text = $"page {Number(state.Pages)} of {(state.NumPages is { } n ? Number(n) : "?")}, {Number(state.Read)} read, {Number(state.Matched)} matching";
        if (state.RateLimit?.Remaining is { } remaining)
        {
            text += $", {Number(remaining)}{(state.RateLimit.Limit is { } limit ? " of " + Number(limit) : string.Empty)} requests left";
        }

        return text;
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
