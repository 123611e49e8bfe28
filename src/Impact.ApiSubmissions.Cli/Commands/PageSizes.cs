namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>The page size a listing asks for.</summary>
internal static class PageSizes
{
    /// <summary>impact.com's own default; the demo's smaller pages show the paging at work.</summary>
    public static int For(SubmissionFilter filter, ImpactConnection connection) => filter.PageSize ?? (connection.IsDemo ? 100 : 1000);
}
