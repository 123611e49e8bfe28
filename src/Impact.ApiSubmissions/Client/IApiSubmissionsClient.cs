using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

// The interface is generated with the raw operations; this part adds the SDK's own calls so that code
// depending on IApiSubmissionsClient can be tested with a fake.
/// <summary>What <see cref="ApiSubmissionsClient"/> offers, as an interface for dependency injection and fakes.</summary>
public partial interface IApiSubmissionsClient
{
    /// <inheritdoc cref="ApiSubmissionsClient.GetApiSubmissionAsync(string, CancellationToken)"/>
    Task<ApiSubmission> GetApiSubmissionAsync(string batchId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ApiSubmissionsClient.GetApiSubmissionByUriAsync(string, CancellationToken)"/>
    Task<ApiSubmission> GetApiSubmissionByUriAsync(string submissionUri, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ApiSubmissionsClient.ListAllApiSubmissionsAsync(ApiSubmissionListOptions, CancellationToken)"/>
    IAsyncEnumerable<ApiSubmission> ListAllApiSubmissionsAsync(ApiSubmissionListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ApiSubmissionsClient.ListApiSubmissionPagesAsync(ApiSubmissionListOptions, CancellationToken)"/>
    IAsyncEnumerable<ApiSubmissionPage> ListApiSubmissionPagesAsync(ApiSubmissionListOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ApiSubmissionsClient.WaitForCompletionAsync(string, WaitForCompletionOptions, CancellationToken)"/>
    Task<ApiSubmission> WaitForCompletionAsync(string batchId, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ApiSubmissionsClient.RateLimit"/>
    RateLimitState? RateLimit { get; }
}
