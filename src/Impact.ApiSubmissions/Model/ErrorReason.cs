using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Impact.ApiSubmissions;

/// <summary>
/// One code from a submission's space-separated <c>ErrorReason</c>, e.g. <see cref="ContractNotFound"/>.
/// impact.com documents 27 codes; a code it adds later is kept as sent, with no description.
/// </summary>
public readonly struct ErrorReason : IEquatable<ErrorReason>
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ACTION_REF_NOT_FOUND"] = "No referral (click, promo code or other reference) was found for the event.",
        ["ACTIONTERMS_NOT_FOUND"] = "The contract that applies has no payout terms for this event type.",
        ["ACTIONTRACKER_CAMPAIGN_MISMATCH"] = "The event type belongs to a different program than the one submitted.",
        ["ACTIONTRACKER_NOT_ACTIVE"] = "The event type exists but has not been enabled yet.",
        ["ACTIONTRACKER_NOT_FOUND"] = "No event type with the given id or code exists.",
        ["BLACKLISTED_SOURCE_IP"] = "The customer's IP address is blocked, often because of its country.",
        ["BLOCKED_BY_PROMOCODE"] = "The partner used a promo code that is not assigned to them.",
        ["CALL_DUPLICATE"] = "The same caller already produced an event inside the duplicate window.",
        ["CALL_DURATION_TOO_SHORT"] = "The call ended before the minimum duration that earns a payout.",
        ["CALL_FOR_CALL_PER_CONV_AT"] = "The call was expected to turn into a sale and did not.",
        ["CALL_INCOMPLETE"] = "The call never connected properly.",
        ["CALL_OUTSIDE_DAILY_RANGE"] = "The call came outside the hours the program accepts calls.",
        ["CAMPAIGN_NOT_FOUND"] = "No program with the given id exists.",
        ["CONTRACT_NOT_FOUND"] = "There was no contract with the partner when the event was submitted.",
        ["CONV_DUPLICATE"] = "An event with the same OrderId already exists inside the deduplication window.",
        ["CREDITING_RULE_MISMATCH"] = "The event breaks the program's crediting rules (for example last click wins).",
        ["MALFORMED"] = "The click data could not be understood or was tagged wrongly.",
        ["MAX_RECURRENCES_REACHED"] = "The referral has already earned the most events it is allowed.",
        ["NO_ITEM"] = "The sale was submitted without any items.",
        ["NO_VALID_ACTION_REF"] = "A referral exists but it cannot earn a commission.",
        ["OID_MISSING"] = "The OrderId is required and was not sent.",
        ["OTHER_REF_PRIORITIZED"] = "Another referral won priority over this one.",
        ["OUTSIDE_ASSOCIATION_WINDOW"] = "The event date falls outside the click's referral window.",
        ["PARTNER_NOT_ACTIVE"] = "The partner was not active when the event was submitted.",
        ["REFTYPE_NOT_ACCEPTED"] = "The contract has no terms for this kind of referral.",
        ["RESTRICTED_PROMOCODE"] = "The promo code ties the event to another partner's channel.",
        ["UNCLAIMED"] = "Only non-preferred sources are associated with the event (legacy attribution).",
    };

    private static readonly char[] Separators = { ' ', '\t', '\r', '\n', '\f', '\v' };

    private readonly string? _code;

    /// <summary>Wraps a reason code, known or not.</summary>
    /// <param name="code">The code as impact.com writes it, e.g. <c>CONTRACT_NOT_FOUND</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is null, empty or contains white space.</exception>
    public ErrorReason(string code)
    {
        if (string.IsNullOrEmpty(code) || code.IndexOfAny(Separators) >= 0)
        {
            throw new ArgumentException("An error reason code is one non-empty word without white space.", nameof(code));
        }

        _code = code;
    }

    /// <summary>The code as sent, e.g. <c>CONTRACT_NOT_FOUND</c>.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>A one-line explanation of a documented code, or null for a code this SDK does not know.</summary>
    public string? Description => _code != null && Descriptions.TryGetValue(_code, out var text) ? text : null;

    /// <summary>True when the code is one of the 27 that impact.com documents.</summary>
    public bool IsKnown => _code != null && Descriptions.ContainsKey(_code);

    /// <summary>Every documented code, in alphabetical order.</summary>
    public static IReadOnlyList<ErrorReason> KnownValues { get; } = BuildKnownValues();

    /// <summary><c>ACTION_REF_NOT_FOUND</c>: no referral was found for the event.</summary>
    public static ErrorReason ActionRefNotFound => new("ACTION_REF_NOT_FOUND");

    /// <summary><c>ACTIONTERMS_NOT_FOUND</c>: the contract has no terms for this event type.</summary>
    public static ErrorReason ActionTermsNotFound => new("ACTIONTERMS_NOT_FOUND");

    /// <summary><c>ACTIONTRACKER_CAMPAIGN_MISMATCH</c>: the event type belongs to another program.</summary>
    public static ErrorReason ActionTrackerCampaignMismatch => new("ACTIONTRACKER_CAMPAIGN_MISMATCH");

    /// <summary><c>ACTIONTRACKER_NOT_ACTIVE</c>: the event type is not enabled yet.</summary>
    public static ErrorReason ActionTrackerNotActive => new("ACTIONTRACKER_NOT_ACTIVE");

    /// <summary><c>ACTIONTRACKER_NOT_FOUND</c>: the event type does not exist.</summary>
    public static ErrorReason ActionTrackerNotFound => new("ACTIONTRACKER_NOT_FOUND");

    /// <summary><c>BLACKLISTED_SOURCE_IP</c>: the customer's IP address is blocked.</summary>
    public static ErrorReason BlacklistedSourceIp => new("BLACKLISTED_SOURCE_IP");

    /// <summary><c>BLOCKED_BY_PROMOCODE</c>: the partner used a promo code not assigned to them.</summary>
    public static ErrorReason BlockedByPromoCode => new("BLOCKED_BY_PROMOCODE");

    /// <summary><c>CALL_DUPLICATE</c>: the caller already produced an event in the duplicate window.</summary>
    public static ErrorReason CallDuplicate => new("CALL_DUPLICATE");

    /// <summary><c>CALL_DURATION_TOO_SHORT</c>: the call was too short to pay out.</summary>
    public static ErrorReason CallDurationTooShort => new("CALL_DURATION_TOO_SHORT");

    /// <summary><c>CALL_FOR_CALL_PER_CONV_AT</c>: the call did not become the expected sale.</summary>
    public static ErrorReason CallForCallPerConvAt => new("CALL_FOR_CALL_PER_CONV_AT");

    /// <summary><c>CALL_INCOMPLETE</c>: the call did not connect properly.</summary>
    public static ErrorReason CallIncomplete => new("CALL_INCOMPLETE");

    /// <summary><c>CALL_OUTSIDE_DAILY_RANGE</c>: the call came outside the accepted hours.</summary>
    public static ErrorReason CallOutsideDailyRange => new("CALL_OUTSIDE_DAILY_RANGE");

    /// <summary><c>CAMPAIGN_NOT_FOUND</c>: the program does not exist.</summary>
    public static ErrorReason CampaignNotFound => new("CAMPAIGN_NOT_FOUND");

    /// <summary><c>CONTRACT_NOT_FOUND</c>: no contract with the partner at submission time.</summary>
    public static ErrorReason ContractNotFound => new("CONTRACT_NOT_FOUND");

    /// <summary><c>CONV_DUPLICATE</c>: the OrderId already exists inside the deduplication window.</summary>
    public static ErrorReason ConvDuplicate => new("CONV_DUPLICATE");

    /// <summary><c>CREDITING_RULE_MISMATCH</c>: the event breaks the crediting rules.</summary>
    public static ErrorReason CreditingRuleMismatch => new("CREDITING_RULE_MISMATCH");

    /// <summary><c>MALFORMED</c>: the click data could not be understood.</summary>
    public static ErrorReason Malformed => new("MALFORMED");

    /// <summary><c>MAX_RECURRENCES_REACHED</c>: the referral already earned its maximum of events.</summary>
    public static ErrorReason MaxRecurrencesReached => new("MAX_RECURRENCES_REACHED");

    /// <summary><c>NO_ITEM</c>: the sale carried no items.</summary>
    public static ErrorReason NoItem => new("NO_ITEM");

    /// <summary><c>NO_VALID_ACTION_REF</c>: the referral cannot earn a commission.</summary>
    public static ErrorReason NoValidActionRef => new("NO_VALID_ACTION_REF");

    /// <summary><c>OID_MISSING</c>: the required OrderId was not sent.</summary>
    public static ErrorReason OidMissing => new("OID_MISSING");

    /// <summary><c>OTHER_REF_PRIORITIZED</c>: another referral took priority.</summary>
    public static ErrorReason OtherRefPrioritized => new("OTHER_REF_PRIORITIZED");

    /// <summary><c>OUTSIDE_ASSOCIATION_WINDOW</c>: the event date is outside the referral window.</summary>
    public static ErrorReason OutsideAssociationWindow => new("OUTSIDE_ASSOCIATION_WINDOW");

    /// <summary><c>PARTNER_NOT_ACTIVE</c>: the partner was inactive at submission time.</summary>
    public static ErrorReason PartnerNotActive => new("PARTNER_NOT_ACTIVE");

    /// <summary><c>REFTYPE_NOT_ACCEPTED</c>: the contract has no terms for this kind of referral.</summary>
    public static ErrorReason RefTypeNotAccepted => new("REFTYPE_NOT_ACCEPTED");

    /// <summary><c>RESTRICTED_PROMOCODE</c>: the promo code places the event in another partner's channel.</summary>
    public static ErrorReason RestrictedPromoCode => new("RESTRICTED_PROMOCODE");

    /// <summary><c>UNCLAIMED</c>: only non-preferred sources are associated.</summary>
    public static ErrorReason Unclaimed => new("UNCLAIMED");

    /// <summary>
    /// Splits an <c>ErrorReason</c> field into its codes, in order. Any run of white space separates;
    /// null, empty or blank text gives an empty list. Unknown codes are kept as sent.
    /// </summary>
    /// <param name="errorReason">The field's text, e.g. <c>CONTRACT_NOT_FOUND RESTRICTED_PROMOCODE</c>.</param>
    /// <returns>The codes, possibly none.</returns>
    public static IReadOnlyList<ErrorReason> ParseList(string? errorReason)
    {
        if (string.IsNullOrWhiteSpace(errorReason))
        {
            return Array.Empty<ErrorReason>();
        }

        var words = errorReason!.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var reasons = new ErrorReason[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            reasons[i] = new ErrorReason(words[i]);
        }

        return reasons;
    }

    /// <summary>The code as sent.</summary>
    public override string ToString() => Code;

    /// <summary>Compares codes, ignoring case.</summary>
    public bool Equals(ErrorReason other) => string.Equals(_code, other._code, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ErrorReason other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _code is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_code);

    /// <summary>True when both codes are equal, ignoring case.</summary>
    public static bool operator ==(ErrorReason left, ErrorReason right) => left.Equals(right);

    /// <summary>True when the codes differ, ignoring case.</summary>
    public static bool operator !=(ErrorReason left, ErrorReason right) => !left.Equals(right);

    private static IReadOnlyList<ErrorReason> BuildKnownValues()
    {
        var codes = new List<string>(Descriptions.Keys);
        codes.Sort(StringComparer.Ordinal);
        return codes.ConvertAll(c => new ErrorReason(c));
    }
}
