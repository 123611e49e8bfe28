using System;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Http;

namespace Impact.ApiSubmissions;

public partial class ApiSubmissionsClient
{
    /// <summary>Reads one submission of the credentials' account by its BatchId, with retries on transient failures.</summary>
    /// <param name="batchId">The BatchId, e.g. <c>A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l</c>. It always travels as one escaped path segment.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The submission.</returns>
    /// <exception cref="ArgumentException"><paramref name="batchId"/> is null or blank.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error (404: unknown BatchId or older than 90 days), or a body that cannot be read.</exception>
    /// <exception cref="TimeoutException">No answer within the attempt timeout and overall deadline.</exception>
    public Task<ApiSubmission> GetApiSubmissionAsync(string batchId, CancellationToken cancellationToken = default)
    {
        RequestPaths.RequireValue(batchId, nameof(batchId), "The BatchId");
        RequireCredentials();
        return GetAsync<ApiSubmission>(RequestPaths.Submission(_credentials!.AccountSid, batchId), batchId, cancellationToken);
    }

    /// <summary>
    /// Reads one submission from its path, such as the <c>QueuedUri</c> that a conversion POST returns
    /// (<c>/Advertisers/&lt;sid&gt;/APISubmissions/&lt;BatchId&gt;</c>) or a submission's <see cref="ApiSubmission.Uri"/>.
    /// </summary>
    /// <param name="submissionUri">A relative path, or an absolute URL on the client's own host.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The submission.</returns>
    /// <exception cref="ArgumentException">The value is blank, not a submission's path, or an absolute URL on another host.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error, or a body that cannot be read.</exception>
    /// <exception cref="TimeoutException">No answer within the attempt timeout and overall deadline.</exception>
    public Task<ApiSubmission> GetApiSubmissionByUriAsync(string submissionUri, CancellationToken cancellationToken = default)
    {
        RequestPaths.RequireValue(submissionUri, nameof(submissionUri), "The submission URI");
        if (Uri.TryCreate(submissionUri.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            var own = new Uri(BaseUrl);
            if (!string.Equals(absolute.Authority, own.Authority, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The URI points at {absolute.Authority}, not {own.Authority}: the client sends its credentials only to its own base address.", nameof(submissionUri));
            }
        }

        var batchId = ApiSubmission.BatchIdFromUri(submissionUri)
            ?? throw new ArgumentException("The URI is not a submission's path (/Advertisers/<AccountSID>/APISubmissions/<BatchId>).", nameof(submissionUri));
        var accountSid = AccountSidFromUri(submissionUri) ?? _credentials?.AccountSid;
        RequireCredentials();
        return GetAsync<ApiSubmission>(RequestPaths.Submission(accountSid!, batchId), batchId, cancellationToken);
    }

    private static string? AccountSidFromUri(string uri)
    {
        const string marker = "/Advertisers/";
        var start = uri.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = uri.IndexOf('/', start);
        return end <= start ? null : Uri.UnescapeDataString(uri.Substring(start, end - start));
    }
}
