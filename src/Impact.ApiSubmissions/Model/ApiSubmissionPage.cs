using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

public partial class ApiSubmissionPage
{
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
                return live is null ? Array.Empty<ApiSubmission>() : AsReadOnly(live);
            }

            if (live is null || live.Count == 0)
            {
                return AsReadOnly(published);
            }

            return live.Concat(published).ToList();
        }
    }

    // The deserialised arrays are already lists: hand them out without a copy per access.
    private static IReadOnlyList<ApiSubmission> AsReadOnly(IList<ApiSubmission> list) =>
        list as IReadOnlyList<ApiSubmission> ?? list.ToList();

    /// <summary>The page metadata (<c>@page</c>, <c>@numpages</c>, <c>@nextpageuri</c>, ...) read as numbers and relative URIs.</summary>
    [JsonIgnore]
    public ApiSubmissionPageInfo PageInfo => new(this);
}
