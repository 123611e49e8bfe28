using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

// The wire members are generated internal (Templates/Class.liquid); this part is what users see of a page.
internal partial class ApiSubmissionPage : IListingPage<ApiSubmission>
{
    private ImpactPageInfo? _pageInfo;

    /// <summary>
    /// The submissions on this page, whichever name the service gave the array
    /// (<c>APISubmissions</c> live, <c>APISubmission</c> in the published schema); both when both came.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ApiSubmission> Submissions
    {
        get
        {
            var live = APISubmissions;
            var published = APISubmission;
            if (published is null || published.Count == 0)
            {
                return live ?? Array.Empty<ApiSubmission>();
            }

            return live is null || live.Count == 0 ? published : live.Concat(published).ToList();
        }
    }

    /// <summary>The page metadata (<c>@page</c>, <c>@numpages</c>, <c>@total</c>, ...) read as numbers and relative URIs.</summary>
    [JsonIgnore]
    public ImpactPageInfo PageInfo => _pageInfo ??= new(Page, Numpages, Pagesize, Total, Start, End, Uri, Firstpageuri, Previouspageuri, Nextpageuri, Lastpageuri);

    /// <summary>
    /// Resumes the listing after this page: pass it to <see cref="ImpactPageable{T}.AsPages"/>. Null on the last page.
    /// It is the page's <c>@nextpageuri</c>, so it holds no secret, and it stays valid as long as impact.com's list does.
    /// </summary>
    [JsonIgnore]
    public string? ContinuationToken => ImpactPageInfo.Token(Nextpageuri);

    IReadOnlyList<ApiSubmission> IListingPage<ApiSubmission>.Items => Submissions;
}
