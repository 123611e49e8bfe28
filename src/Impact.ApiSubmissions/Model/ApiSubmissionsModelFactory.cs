using System;
using System.Collections.Generic;
using System.Linq;

namespace Impact.ApiSubmissions;

/// <summary>
/// Builds the models impact.com returns, for your own tests (their properties have no public setters).
/// Every argument is optional: leave out what the test does not look at.
/// </summary>
public static class ApiSubmissionsModelFactory
{
    /// <summary>A submission, as <see cref="ApiSubmissionsClient.GetApiSubmissionAsync(string, System.Threading.CancellationToken)"/> returns it.</summary>
    /// <param name="batchId">The BatchId.</param>
    /// <param name="accountId">The account's numeric id.</param>
    /// <param name="submissionDate">When it was submitted.</param>
    /// <param name="campaignId">The program (campaign) id.</param>
    /// <param name="actionTrackerId">The event type (action tracker) id.</param>
    /// <param name="mediaPartnerId">The partner id.</param>
    /// <param name="eventCode">The event code.</param>
    /// <param name="orderId">The order id.</param>
    /// <param name="payload">The payload as sent (form-encoded).</param>
    /// <param name="type">Conversion, Modification or Reversal.</param>
    /// <param name="status">Queued, In Progress or Complete.</param>
    /// <param name="completionDate">When processing ended.</param>
    /// <param name="errorType">Validation or Contract Error.</param>
    /// <param name="errorReason">The space-separated reason codes.</param>
    /// <param name="uri">The submission's path.</param>
    /// <param name="additionalFields">Fields the spec does not name, as impact.com may add them (string values).</param>
    /// <returns>The submission.</returns>
    public static ApiSubmission ApiSubmission(
        string? batchId = null,
        long? accountId = null,
        DateTimeOffset? submissionDate = null,
        long? campaignId = null,
        long? actionTrackerId = null,
        long? mediaPartnerId = null,
        string? eventCode = null,
        string? orderId = null,
        string? payload = null,
        SubmissionType? type = null,
        SubmissionStatus? status = null,
        DateTimeOffset? completionDate = null,
        SubmissionErrorType? errorType = null,
        string? errorReason = null,
        string? uri = null,
        IEnumerable<KeyValuePair<string, string>>? additionalFields = null)
    {
        var submission = new ApiSubmission
        {
            BatchId = batchId,
            AccountId = accountId,
            SubmissionDate = submissionDate,
            CampaignId = campaignId,
            ActionTrackerId = actionTrackerId,
            MediaPartnerId = mediaPartnerId,
            EventCode = eventCode,
            OrderId = orderId,
            Payload = payload,
            Type = type,
            Status = status,
            CompletionDate = completionDate,
            ErrorType = errorType,
            ErrorReason = errorReason,
            Uri = uri,
        };
        foreach (var field in additionalFields ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            submission.AdditionalProperties[field.Key] = field.Value;
        }

        return submission;
    }

    /// <summary>A page of a listing, e.g. for <see cref="ApiSubmissionPageable.FromPages"/>.</summary>
    /// <param name="submissions">The submissions on the page.</param>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="numPages">How many pages the list has.</param>
    /// <param name="pageSize">How many submissions a page holds.</param>
    /// <param name="total">How many submissions the list has.</param>
    /// <param name="continuationToken">The next page's path (<c>@nextpageuri</c>); null on the last page.</param>
    /// <returns>The page.</returns>
    public static ApiSubmissionPage ApiSubmissionPage(
        IEnumerable<ApiSubmission>? submissions = null,
        int? page = null,
        int? numPages = null,
        int? pageSize = null,
        int? total = null,
        string? continuationToken = null) => new()
    {
        APISubmissions = (submissions ?? Enumerable.Empty<ApiSubmission>()).ToList(),
        Page = Text(page),
        Numpages = Text(numPages),
        Pagesize = Text(pageSize),
        Total = Text(total),
        Nextpageuri = continuationToken ?? string.Empty,
    };

    /// <summary>impact.com's error envelope, as <see cref="ImpactApiException.Error"/> carries it.</summary>
    /// <param name="message">The top-level message.</param>
    /// <param name="status">The status text impact.com writes, e.g. <c>ERROR</c>.</param>
    /// <param name="errors">Per-field errors.</param>
    /// <returns>The envelope.</returns>
    public static ImpactError ImpactError(string? message = null, string? status = null, IEnumerable<ImpactFieldError>? errors = null) => new()
    {
        Message = message,
        Status = status,
        Errors = errors?.ToList(),
    };

    /// <summary>One per-field error of an <see cref="Impact.ApiSubmissions.ImpactError"/>.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <returns>The field error.</returns>
    public static ImpactFieldError ImpactFieldError(string? field = null, string? message = null) => new()
    {
        Field = field,
        Message = message,
    };

    /// <summary>Rate-limit headers of a response, as <see cref="ApiSubmissionsClient.RateLimit"/> and <see cref="ImpactApiException.RateLimit"/> carry them.</summary>
    /// <param name="limit">Requests allowed in the window.</param>
    /// <param name="remaining">Requests left in the window.</param>
    /// <param name="resetAfter">Time until the window resets.</param>
    /// <param name="retryAfter">How long the service asked to wait (<c>Retry-After</c>).</param>
    /// <param name="observedAt">When the response arrived; null for now.</param>
    /// <returns>The state.</returns>
    public static RateLimitState RateLimitState(int? limit = null, int? remaining = null, TimeSpan? resetAfter = null, TimeSpan? retryAfter = null, DateTimeOffset? observedAt = null) =>
        new(limit, remaining, resetAfter, retryAfter, observedAt ?? DateTimeOffset.UtcNow);

    private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
