using System.Collections.Generic;

namespace Impact.ApiSubmissions;

// Validate: the problems a user wants flagged before resubmitting.
public sealed partial class SubmissionPayload
{
    /// <summary>Lists the problems of the payload read as a conversion; never throws.</summary>
    /// <returns>The problems in the order found (fields first, in payload order); empty when there are none.</returns>
    /// <remarks>
    /// Reported: a documented number, date or boolean whose value does not convert (<c>ItemQuantity1=two</c>,
    /// <c>ItemPrice1=6,99</c>); a date without UTC offset; impact.com's rules for a conversion, as the spec's conversion
    /// schema states them: <c>CampaignId</c>, <c>EventDate</c> or <c>OrderId</c> missing or empty, no event type
    /// (<c>ActionTrackerId</c>, <c>EventTypeId</c>, <c>EventTypeCode</c>), no attribution key (<c>ClickId</c>,
    /// <c>CustomerId</c>, <c>PromoCode</c>, ...), an item with neither or both of <c>ItemPrice{i}</c> and
    /// <c>ItemSubTotal{i}</c>, money values without <c>CurrencyCode</c>; an item without <c>ItemSku{i}</c>; a repeated key; an empty key; a '%' that
    /// starts no escape; escaped bytes that are not UTF-8. An empty value counts as absent, not as a bad value.
    /// Values are otherwise kept as sent and not judged (an <c>IpAddress</c> that is not an address is not reported).
    /// </remarks>
    public IReadOnlyList<PayloadProblem> Validate() => PayloadValidator.Validate(this, asConversion: true);

    /// <summary>Lists the problems of the payload read as a submission of the given type; never throws.</summary>
    /// <param name="type">
    /// The submission's type (<see cref="ApiSubmission.Type"/>). Only a <see cref="SubmissionType.Conversion"/> is held to
    /// impact.com's rules for a conversion (required keys, one-of groups, <c>CurrencyCode</c> with money); every other
    /// check applies to every type.
    /// </param>
    /// <returns>The problems in the order found; empty when there are none.</returns>
    public IReadOnlyList<PayloadProblem> Validate(SubmissionType type) =>
        PayloadValidator.Validate(this, asConversion: type == SubmissionType.Conversion);
}
