using System;
using System.Collections.Generic;
using System.Linq;
using Impact.ApiSubmissions.Testing.Internal;

namespace Impact.ApiSubmissions.Testing;

/// <summary>
/// How <see cref="ImpactMockServer"/> answers a conversion POSTed to <c>/Advertisers/{AccountSID}/Conversions</c>,
/// and what a test changes to steer the outcome.
/// </summary>
/// <remarks>
/// <para>
/// The request is checked as impact.com checks it: Basic credentials (401), the account in the path (403), then the
/// body, form-urlencoded, read with <see cref="SubmissionPayload.Parse"/> and checked with
/// <see cref="SubmissionPayload.Validate()"/>: the required keys (<c>CampaignId</c>, <c>EventDate</c>, <c>OrderId</c>),
/// one event type and one attribution key, one of <c>ItemPrice{i}</c> and <c>ItemSubTotal{i}</c> per item, money with
/// a <c>CurrencyCode</c>, values that convert. Any problem gives 400 with impact.com's lower-case envelope,
/// <c>{"Status":"ERROR","errors":[{"field":...,"level":"ERROR","message":...}]}</c>, one entry per problem.
/// </para>
/// <para>
/// A conversion that passes is queued: 200 with <c>{"Status":"QUEUED","QueuedUri":"/Advertisers/{AccountSID}/APISubmissions/{BatchId}"}</c>.
/// The new submission holds the body as sent as its <c>Payload</c>; its first get answers <c>Queued</c>, the next
/// <c>In Progress</c>, and every later one its outcome, decided when it was posted by the first rule that applies:
/// </para>
/// <list type="number">
/// <item><c>CampaignId</c> is not a known program: Validation, <c>CAMPAIGN_NOT_FOUND</c>.</item>
/// <item>None of its event type keys (<c>ActionTrackerId</c>, <c>EventTypeId</c>, <c>EventTypeCode</c>) is an event
/// type of that program: Validation, <c>ACTIONTRACKER_CAMPAIGN_MISMATCH</c> when the event type belongs to another
/// known program, <c>ACTIONTRACKER_NOT_FOUND</c> when to none.</item>
/// <item>The program already has a conversion with this <c>OrderId</c>: one the server holds that completed without
/// errors, or one posted and queued since the server started or was reset: Validation, <c>CONV_DUPLICATE</c>.</item>
/// <item>None of its attribution keys (key and value) matches a known referral: Contract Error, <c>UNCLAIMED</c>.</item>
/// <item>Otherwise it completes without errors, credited to the partner of the first matching referral.</item>
/// </list>
/// <para>
/// Known programs: those of the generated data set (1000 with event types 4000 <c>ACME_SALE</c> and 4010
/// <c>ACME_APP_SALE</c>; 1001 with 4100 <c>ACME_EU_SALE</c>; 1002 with 4200 <c>ROADRUNNER_SALE</c> and 4201
/// <c>ROADRUNNER_RENEWAL</c>), and those added with <see cref="AddProgram"/>. Known referrals: the attribution keys of
/// every conversion the server holds that credited a partner (so a failed conversion from the data set, fixed and
/// posted again, is attributed as it was), and those added with <see cref="AddReferral"/>.
/// <see cref="ImpactMockServer.Reset"/> forgets what was added and what was posted. All members are thread-safe.
/// </para>
/// </remarks>
public sealed class MockConversionRules
{
    private readonly object _gate = new();
    private readonly Dictionary<long, List<(long Id, string? Code)>> _programs = new();
    private readonly Dictionary<(string Key, string Value), long> _referrals = new();
    private readonly HashSet<(long CampaignId, string OrderId)> _converted = new();
    private int _indexed;

    internal MockConversionRules()
    {
        AddSamplePrograms();
    }

    /// <summary>Adds a program the server knows, or an event type to a known program.</summary>
    /// <param name="campaignId">The program's <c>CampaignId</c>.</param>
    /// <param name="eventTypeId">An event type of the program, as <c>ActionTrackerId</c> or <c>EventTypeId</c> name it.</param>
    /// <param name="eventTypeCode">The event type's code, as <c>EventTypeCode</c> names it; null when it has none.</param>
    public void AddProgram(long campaignId, long eventTypeId, string? eventTypeCode = null)
    {
        lock (_gate)
        {
            AddEventType(campaignId, eventTypeId, eventTypeCode);
        }
    }

    /// <summary>
    /// Adds a referral the server knows: a conversion whose attribution key <paramref name="key"/> has the value
    /// <paramref name="value"/> (e.g. <c>ClickId</c> and the id a tracking link gave) is credited to the partner.
    /// </summary>
    /// <param name="key">An attribution key: <c>ClickId</c>, <c>CustomerId</c>, <c>PromoCode</c>, <c>MediaPartnerId</c>, ...</param>
    /// <param name="value">The value, decoded (as <see cref="SubmissionPayload"/>'s indexer reads it).</param>
    /// <param name="mediaPartnerId">The partner credited.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not an attribution key, or <paramref name="value"/> is empty.</exception>
    public void AddReferral(string key, string value, long mediaPartnerId)
    {
        if (!AttributionKeys.Contains(key))
        {
            throw new ArgumentException($"{key} is not an attribution key; use one of {string.Join(", ", AttributionKeys)}.", nameof(key));
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("The referral needs a value.", nameof(value));
        }

        lock (_gate)
        {
            _referrals[(key, value)] = mediaPartnerId;
        }
    }

    private static IReadOnlyList<string> AttributionKeys => PayloadKeys.OneOfGroups.Single(g => g.Name == "attribution").Keys;

    /// <summary>Decides the outcome of a valid conversion and remembers its OrderId when it is accepted.</summary>
    internal ConversionOutcome Decide(SubmissionPayload payload, IReadOnlyList<StoredSubmission> held)
    {
        lock (_gate)
        {
            Learn(held);
            long campaignId = payload.CampaignId!.Value;
            if (!_programs.TryGetValue(campaignId, out var eventTypes))
            {
                return ConversionOutcome.Failed(SampleCatalog.Validation, "CAMPAIGN_NOT_FOUND");
            }

            var eventType = eventTypes.FirstOrDefault(e => Names(payload, e));
            if (eventType == default)
            {
                bool elsewhere = _programs.Values.SelectMany(e => e).Any(e => Names(payload, e));
                return ConversionOutcome.Failed(SampleCatalog.Validation, elsewhere ? "ACTIONTRACKER_CAMPAIGN_MISMATCH" : "ACTIONTRACKER_NOT_FOUND");
            }

            if (!_converted.Add((campaignId, payload.OrderId!)))
            {
                return ConversionOutcome.Failed(SampleCatalog.Validation, "CONV_DUPLICATE", eventType.Id);
            }

            foreach (string key in AttributionKeys)
            {
                string? value = payload[key];
                if (!string.IsNullOrEmpty(value) && _referrals.TryGetValue((key, value), out long partner))
                {
                    return ConversionOutcome.Credited(eventType.Id, partner);
                }
            }

            // Not converted after all: an unclaimed conversion creates no action, so the OrderId stays free.
            _converted.Remove((campaignId, payload.OrderId!));
            return ConversionOutcome.Failed(SampleCatalog.ContractError, "UNCLAIMED", eventType.Id);
        }
    }

    internal void Reset()
    {
        lock (_gate)
        {
            _programs.Clear();
            _referrals.Clear();
            _converted.Clear();
            _indexed = 0;
            AddSamplePrograms();
        }
    }

    // The event type the conversion names, by id (ActionTrackerId or EventTypeId) or by code.
    private static bool Names(SubmissionPayload payload, (long Id, string? Code) eventType) =>
        payload.ActionTrackerId == eventType.Id
        || payload.EventTypeId == eventType.Id
        || (eventType.Code is not null && string.Equals(payload.EventTypeCode, eventType.Code, StringComparison.Ordinal));

    /// <summary>Reads the submissions added to the store since the last call: their converted OrderIds and referrals.</summary>
    private void Learn(IReadOnlyList<StoredSubmission> held)
    {
        for (; _indexed < held.Count; _indexed++)
        {
            // Read from the wire JSON, not Current: the store keeps no objects of a large data set.
            var submission = WireJson.ReadSubmission(held[_indexed].ListJson);
            if (submission.Type != SubmissionType.Conversion || submission.Status != SubmissionStatus.Complete
                || !SubmissionPayload.TryParse(submission.Payload, out var payload))
            {
                continue;
            }

            if (!submission.HasErrors && submission.CampaignId is long campaignId && !string.IsNullOrEmpty(submission.OrderId))
            {
                _converted.Add((campaignId, submission.OrderId!));
            }

            if (submission.MediaPartnerId is long partner)
            {
                foreach (string key in AttributionKeys)
                {
                    string? value = payload![key];
                    if (!string.IsNullOrEmpty(value))
                    {
                        _referrals.TryAdd((key, value!), partner);
                    }
                }
            }
        }
    }

    private void AddSamplePrograms()
    {
        foreach (var program in SampleCatalog.Programs)
        {
            foreach (var eventType in program.EventTypes)
            {
                AddEventType(program.CampaignId, eventType.ActionTrackerId, eventType.Code);
            }
        }
    }

    private void AddEventType(long campaignId, long eventTypeId, string? code)
    {
        if (!_programs.TryGetValue(campaignId, out var eventTypes))
        {
            _programs[campaignId] = eventTypes = new List<(long, string?)>();
        }

        eventTypes.Add((eventTypeId, code));
    }
}
