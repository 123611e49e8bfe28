using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

// The wire members are generated internal (Templates/Class.liquid); this part is what users see of a page.
internal partial class FtpErrorDetailPage : IListingPage<FtpErrorDetail>
{
    private ImpactPageInfo? _pageInfo;

    /// <summary>The failed lines on this page (<c>ErrorDetail</c>); empty when there are none.</summary>
    [JsonIgnore]
    public IReadOnlyList<FtpErrorDetail> ErrorDetails => ErrorDetail ?? Array.Empty<FtpErrorDetail>();

    /// <summary>The page metadata (<c>@page</c>, <c>@numpages</c>, <c>@total</c>, ...) read as numbers and relative URIs.</summary>
    [JsonIgnore]
    public ImpactPageInfo PageInfo => _pageInfo ??= new(Page, Numpages, Pagesize, Total, Start, End, Uri, Firstpageuri, Previouspageuri, Nextpageuri, Lastpageuri);

    /// <summary>
    /// Resumes the listing after this page: pass it to <see cref="ImpactPageable{T}.AsPages"/>. Null on the last page.
    /// It is the page's <c>@nextpageuri</c>, so it holds no secret.
    /// </summary>
    [JsonIgnore]
    public string? ContinuationToken => ImpactPageInfo.Token(Nextpageuri);

    IReadOnlyList<FtpErrorDetail> IListingPage<FtpErrorDetail>.Items => ErrorDetails;
}
