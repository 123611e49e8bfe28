using System.Collections.Generic;

namespace Impact.ApiSubmissions;

// Validate: the problems a user wants flagged before resubmitting.
public sealed partial class SubmissionPayload
{
    /// <summary>Lists the problems of the payload read as a conversion; never throws.</summary>
    /// <returns>The problems in the order found (fields first, in payload order); empty when there are none.</returns>
    /// <remarks>
    /// Reported: a documented number, date or boolean whose value does not convert (<c>ItemQuantity1=two</c>,
    /// <c>ItemPrice1=6,99</c>); a date without UTC offset; <c>OrderId</c> or <c>EventDate</c> missing or empty; an item
    /// without <c>ItemSku{i}</c>; money values without <c>CurrencyCode</c>; a repeated key; an empty key; a '%' that
    /// starts no escape; escaped bytes that are not UTF-8. An empty value counts as absent, not as a bad value.
    /// Values are otherwise kept as sent and not judged (an <c>IpAddress</c> that is not an address is not reported).
    /// </remarks>
    public IReadOnlyList<PayloadProblem> Validate() => PayloadValidator.Validate(this, asConversion: true);

    /// <summary>Lists the problems of the payload read as a submission of the given type; never throws.</summary>
    /// <param name="type">
    /// The submission's type (<see cref="ApiSubmission.Type"/>). Only a <see cref="SubmissionType.Conversion"/> needs
    /// <c>OrderId</c> and <c>EventDate</c>; every other check applies to every type.
    /// </param>
    /// <returns>The problems in the order found; empty when there are none.</returns>
    public IReadOnlyList<PayloadProblem> Validate(SubmissionType type) =>
        PayloadValidator.Validate(this, asConversion: type == SubmissionType.Conversion);
}
