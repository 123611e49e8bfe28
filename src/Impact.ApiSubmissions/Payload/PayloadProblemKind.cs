namespace Impact.ApiSubmissions;

/// <summary>The kinds of problem <see cref="SubmissionPayload.Validate()"/> reports.</summary>
public enum PayloadProblemKind
{
    /// <summary>A documented numeric key (a quantity, a price, an id, a number or money slot) whose value is not a number of its kind.</summary>
    InvalidNumber,

    /// <summary>A documented date key whose value is not an ISO 8601 date and time.</summary>
    InvalidDate,

    /// <summary>A documented date key whose value has no UTC offset, so the time it names depends on a time zone nobody wrote down.</summary>
    DateWithoutOffset,

    /// <summary>A documented boolean key whose value is not <c>true</c>, <c>false</c>, <c>1</c> or <c>0</c>.</summary>
    InvalidBoolean,

    /// <summary>A key a conversion needs (<c>CampaignId</c>, <c>EventDate</c>, <c>OrderId</c>) is absent or empty.</summary>
    MissingRequiredKey,

    /// <summary>An item has keys but no <c>ItemSku{i}</c>, or an empty one.</summary>
    ItemWithoutSku,

    /// <summary>The payload has money values but no <c>CurrencyCode</c>, or an empty one.</summary>
    MoneyWithoutCurrency,

    /// <summary>A key occurs more than once; readers by name see only the first value.</summary>
    DuplicateKey,

    /// <summary>A field has an empty key (<c>=value</c>).</summary>
    EmptyKey,

    /// <summary>A '%' that does not start a %XX escape (<c>50%OFF</c>), read literally.</summary>
    MalformedEscape,

    /// <summary>Escaped bytes that are not UTF-8, read as U+FFFD.</summary>
    InvalidUtf8,

    /// <summary>
    /// A conversion has no key of a group it needs one of: an event type (<c>ActionTrackerId</c>, <c>EventTypeId</c> or
    /// <c>EventTypeCode</c>), an attribution key (<c>ClickId</c>, <c>CustomerId</c>, ...), or, for an item, a price
    /// (<c>ItemPrice{i}</c> or <c>ItemSubTotal{i}</c>).
    /// </summary>
    MissingOneOf,

    /// <summary>An item has two keys of which it may have only one: <c>ItemPrice{i}</c> and <c>ItemSubTotal{i}</c>.</summary>
    ConflictingKeys,
}
