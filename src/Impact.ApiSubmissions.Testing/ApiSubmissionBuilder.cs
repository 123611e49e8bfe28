using System;
using System.Collections.Generic;
using System.Globalization;
using Impact.ApiSubmissions.Testing.Internal;

namespace Impact.ApiSubmissions.Testing;

/// <summary>
/// Describes one submission for a test. Every field has a realistic default, so a test sets only what it
/// is about: by default a <c>Conversion</c> that is <c>Complete</c> without errors, submitted ten minutes
/// before the server's <see cref="ImpactMockServerOptions.Now"/>, with a one-item payload.
/// Give it to <see cref="ImpactMockServer.Add(ApiSubmissionBuilder)"/>, or call <see cref="Build()"/>.
/// </summary>
/// <example>
/// <code>
/// server.Add(new ApiSubmissionBuilder()
///     .WithBatchId("A-00000000-0000-0000-0000-00000000abcd")
///     .WithErrors("Contract Error", "CONTRACT_NOT_FOUND", "RESTRICTED_PROMOCODE"));
/// </code>
/// </example>
public sealed class ApiSubmissionBuilder
{
    private readonly List<KeyValuePair<string, string>> _additionalFields = new();
    private string? _batchId;
    private Optional<long?> _accountId;
    private Optional<DateTimeOffset?> _submissionDate;
    private Optional<long?> _campaignId;
    private Optional<long?> _actionTrackerId;
    private Optional<long?> _mediaPartnerId;
    private Optional<string?> _eventCode;
    private Optional<string?> _orderId;
    private Optional<string?> _payload;
    private SubmissionType? _type;
    private SubmissionStatus? _status;
    private Optional<DateTimeOffset?> _completionDate;
    private string? _errorType;
    private string? _errorReason;
    private string? _uri;

    /// <summary>Sets the BatchId. Without it each built submission gets a new random one in impact.com's shape.</summary>
    /// <param name="batchId">The BatchId, e.g. <c>A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="batchId"/> is null or empty.</exception>
    public ApiSubmissionBuilder WithBatchId(string batchId)
    {
        if (string.IsNullOrEmpty(batchId))
        {
            throw new ArgumentException("A BatchId cannot be empty.", nameof(batchId));
        }

        _batchId = batchId;
        return this;
    }

    /// <summary>Sets the brand account id. Defaults to the server's <see cref="ImpactMockServerOptions.AccountId"/>.</summary>
    /// <param name="accountId">The account id, or null to send <c>""</c>.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithAccountId(long? accountId)
    {
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when the submission was made. The offset is kept as given.</summary>
    /// <param name="submissionDate">The date, or null to send <c>""</c>.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithSubmissionDate(DateTimeOffset? submissionDate)
    {
        _submissionDate = submissionDate;
        return this;
    }

    /// <summary>Sets the program id. Defaults to 1000.</summary>
    /// <param name="campaignId">The program id, or null to send <c>""</c>.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithCampaignId(long? campaignId)
    {
        _campaignId = campaignId;
        return this;
    }

    /// <summary>Sets the event type (action tracker) id. Defaults to 4000.</summary>
    /// <param name="actionTrackerId">The event type id, or null to send <c>""</c>.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithActionTrackerId(long? actionTrackerId)
    {
        _actionTrackerId = actionTrackerId;
        return this;
    }

    /// <summary>Sets the partner id. Defaults to 10000.</summary>
    /// <param name="mediaPartnerId">The partner id, or null to send <c>""</c> (no partner credited).</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithMediaPartnerId(long? mediaPartnerId)
    {
        _mediaPartnerId = mediaPartnerId;
        return this;
    }

    /// <summary>Sets the event type code. Defaults to <c>ACME_SALE</c>.</summary>
    /// <param name="eventCode">The code, or null to send <c>""</c>.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithEventCode(string? eventCode)
    {
        _eventCode = eventCode;
        return this;
    }

    /// <summary>Sets the order id. Defaults to 13 digits derived from the BatchId.</summary>
    /// <param name="orderId">The order id, kept as a string; null is sent as JSON <c>null</c>, as impact.com does.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithOrderId(string? orderId)
    {
        _orderId = orderId;
        return this;
    }

    /// <summary>Sets the payload exactly as given (it should be form-urlencoded).</summary>
    /// <param name="payload">The payload, or null to send <c>""</c>.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithPayload(string? payload)
    {
        _payload = payload;
        return this;
    }

    /// <summary>Sets the payload from a <see cref="PayloadBuilder"/>, as it reads at this moment.</summary>
    /// <param name="payload">The payload's keys and items.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public ApiSubmissionBuilder WithPayload(PayloadBuilder payload)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        _payload = payload.ToString();
        return this;
    }

    /// <summary>Sets the kind of record. Defaults to <see cref="SubmissionType.Conversion"/>.</summary>
    /// <param name="type">The type; any string converts implicitly, so a value impact.com may add later works too.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithType(SubmissionType type)
    {
        _type = type;
        return this;
    }

    /// <summary>
    /// Sets the processing status. Defaults to <see cref="SubmissionStatus.Complete"/>. Unless
    /// <see cref="WithCompletionDate"/> says otherwise, a complete submission gets a completion date three
    /// minutes after its submission date and any other status gets <c>""</c>.
    /// </summary>
    /// <param name="status">The status, e.g. <see cref="SubmissionStatus.InProgress"/>.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithStatus(SubmissionStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>Sets when processing finished.</summary>
    /// <param name="completionDate">The date, or null to send <c>""</c> (not finished).</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithCompletionDate(DateTimeOffset? completionDate)
    {
        _completionDate = completionDate;
        return this;
    }

    /// <summary>Records processing errors: <c>ErrorType</c>, and the reasons joined with spaces as <c>ErrorReason</c>.</summary>
    /// <param name="errorType">E.g. <c>Validation</c> or <c>Contract Error</c>.</param>
    /// <param name="reasons">Reason codes, e.g. <c>CONTRACT_NOT_FOUND</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="errorType"/> is null or empty.</exception>
    public ApiSubmissionBuilder WithErrors(string errorType, params string[] reasons)
    {
        if (string.IsNullOrEmpty(errorType))
        {
            throw new ArgumentException("An error type cannot be empty.", nameof(errorType));
        }

        _errorType = errorType;
        _errorReason = string.Join(" ", reasons ?? Array.Empty<string>());
        return this;
    }

    /// <summary>Clears the errors: <c>ErrorType</c> and <c>ErrorReason</c> are sent as <c>""</c>. This is the default.</summary>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithoutErrors()
    {
        _errorType = null;
        _errorReason = null;
        return this;
    }

    /// <summary>Sets the submission's own path. Defaults to <c>/Advertisers/{AccountSID}/APISubmissions/{BatchId}</c>.</summary>
    /// <param name="uri">The path.</param>
    /// <returns>This builder.</returns>
    public ApiSubmissionBuilder WithUri(string uri)
    {
        _uri = uri;
        return this;
    }

    /// <summary>
    /// Adds a field the spec does not name, written after the known ones, to check that code tolerates
    /// fields impact.com adds without notice.
    /// </summary>
    /// <param name="name">The JSON member name.</param>
    /// <param name="value">Its string value.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public ApiSubmissionBuilder WithAdditionalField(string name, string value)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A field name cannot be empty.", nameof(name));
        }

        _additionalFields.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
        return this;
    }

    /// <summary>
    /// Builds the submission with the defaults of <see cref="ImpactMockServerOptions"/> (its account, and now
    /// as the current time). Unset fields are filled as a server would fill them.
    /// </summary>
    /// <returns>A new <see cref="ApiSubmission"/>.</returns>
    public ApiSubmission Build()
    {
        var options = new ImpactMockServerOptions();
        return Build(new SubmissionDefaults(options.AccountSid, options.AccountId, DateTimeOffset.UtcNow));
    }

    internal ApiSubmission Build(SubmissionDefaults defaults)
    {
        var batchId = _batchId ?? BatchIds.NextUnseeded();
        var status = _status ?? SubmissionStatus.Complete;
        var submissionDate = _submissionDate.Or(AccountClock.ToAccountTime(defaults.Now - TimeSpan.FromMinutes(10)));
        var completionDate = _completionDate.Or(
            status == SubmissionStatus.Complete && submissionDate is { } submitted
                ? AccountClock.ToAccountTime(submitted + TimeSpan.FromMinutes(3))
                : null);
        var campaignId = _campaignId.Or(1000);
        var actionTrackerId = _actionTrackerId.Or(4000);
        var orderId = _orderId.Or(DefaultOrderId(batchId));

        var submission = ApiSubmissionsModelFactory.ApiSubmission(
            batchId: batchId,
            accountId: _accountId.Or(defaults.AccountId),
            submissionDate: submissionDate,
            campaignId: campaignId,
            actionTrackerId: actionTrackerId,
            mediaPartnerId: _mediaPartnerId.Or(10000),
            eventCode: _eventCode.Or("ACME_SALE"),
            orderId: orderId,
            payload: _payload.Or(DefaultPayload(campaignId, actionTrackerId, submissionDate, orderId)),
            type: _type ?? SubmissionType.Conversion,
            status: status,
            completionDate: completionDate,
            errorType: _errorType is null ? (SubmissionErrorType?)null : new SubmissionErrorType(_errorType),
            errorReason: _errorReason,
            uri: _uri ?? defaults.UriFor(batchId),
            additionalFields: _additionalFields);
        return SpecExamples.Fill(submission);
    }

    private static string DefaultPayload(long? campaignId, long? actionTrackerId, DateTimeOffset? submissionDate, string? orderId)
    {
        var payload = new PayloadBuilder();
        if (campaignId is { } campaign)
        {
            payload.Set("CampaignId", campaign.ToString(CultureInfo.InvariantCulture));
        }

        if (actionTrackerId is { } eventType)
        {
            payload.Set("EventTypeId", eventType.ToString(CultureInfo.InvariantCulture));
        }

        if (submissionDate is { } date)
        {
            payload.Set("EventDate", AccountClock.ToWire(date - TimeSpan.FromSeconds(30)));
        }

        if (orderId is not null)
        {
            payload.Set("OrderId", orderId);
        }

        return payload
            .Set("CurrencyCode", "USD")
            .AddItem("12345", "Anvil", "Anvils", 1, 10m)
            .ToString();
    }

    // A stable 13-digit order id per BatchId (FNV-1a), so rebuilding the same description gives the same order.
    private static string DefaultOrderId(string batchId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in batchId)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return (1_000_000_000_000UL + hash % 9_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
    }
}
