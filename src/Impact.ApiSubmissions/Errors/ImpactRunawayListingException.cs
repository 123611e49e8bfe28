namespace Impact.ApiSubmissions;

/// <summary>
/// A listing was stopped because impact.com's paging does not lead to an end: a link leads back to a page
/// already read, the page number does not advance, or the listing ran well past <c>@numpages</c>.
/// The pages read before it were yielded. <see cref="ImpactApiException.StatusCode"/> is 0.
/// </summary>
public class ImpactRunawayListingException : ImpactApiException
{
    internal ImpactRunawayListingException(string message, int pagesRead, string? nextPageUri)
        : base(0, message, null, null, null, null, null)
    {
        PagesRead = pagesRead;
        NextPageUri = nextPageUri;
    }

    /// <summary>How many pages were read before the listing stopped.</summary>
    public int PagesRead { get; }

    /// <summary>The link that was not followed, or null.</summary>
    public string? NextPageUri { get; }
}
