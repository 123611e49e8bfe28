namespace Impact.ApiSubmissions;

/// <summary>How <see cref="ApiSubmissionsClient.GetApiSubmissionsAsync"/> reads the list.</summary>
public class ApiSubmissionListOptions : ListOptions<ApiSubmission>
{
    /// <summary>
    /// How many pages may be requested at once. Default 1 (one page after the other, following <c>@nextpageuri</c>).
    /// Above 1, the pages after the first are fetched ahead by number, at most this many requests in flight; a page
    /// whose bytes are in frees its request for the next one while it is parsed, and at most this many pages more wait
    /// to be read. They still come out in order, and memory stays bounded by twice this many pages.
    /// </summary>
    public int MaxConcurrency { get; set; } = 1;
}
