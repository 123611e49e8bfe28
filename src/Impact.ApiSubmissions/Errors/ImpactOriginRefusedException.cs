namespace Impact.ApiSubmissions;

/// <summary>
/// A request would have left the client's base address (another scheme, host or port) or its account's
/// resources (<c>/Advertisers/&lt;AccountSID&gt;/</c>), e.g. because a link from the server pointed there.
/// It was refused before credentials were attached and before anything was sent. Or an answer came from such an
/// address: an <see cref="System.Net.Http.HttpClient"/> of the caller's that follows redirects by itself went there;
/// that answer is refused, and <see cref="RefusedUri"/> names the address it came from.
/// <see cref="ImpactApiException.StatusCode"/> is 0.
/// </summary>
public class ImpactOriginRefusedException : ImpactApiException
{
    internal ImpactOriginRefusedException(string message, string refusedUri)
        : base(0, message, null, null, null, null, null)
    {
        RefusedUri = refusedUri;
    }

    /// <summary>The address that was refused, as resolved (bounded in length).</summary>
    public string RefusedUri { get; }
}
