namespace Impact.ApiSubmissions;

/// <summary>One problem <see cref="SubmissionPayload.Validate()"/> found: what it is, where, and a sentence for a person.</summary>
public sealed class PayloadProblem
{
    internal PayloadProblem(PayloadProblemKind kind, string key, string message, int? itemIndex = null)
    {
        Kind = kind;
        Key = key;
        Message = message;
        ItemIndex = itemIndex;
    }

    /// <summary>What kind of problem it is.</summary>
    public PayloadProblemKind Kind { get; }

    /// <summary>
    /// The decoded key concerned: the key that holds the bad value, the missing key, the repeated key, the first
    /// key of an item without SKU, or the first money key without a currency. Empty for <see cref="PayloadProblemKind.EmptyKey"/>.
    /// </summary>
    public string Key { get; }

    /// <summary>The item's index when the problem is in an item's key; otherwise null.</summary>
    public int? ItemIndex { get; }

    /// <summary>A sentence describing the problem, naming the key and quoting the value as read.</summary>
    public string Message { get; }

    /// <summary>The kind and the message, for logs.</summary>
    /// <returns>E.g. <c>InvalidNumber: ItemQuantity1 is "two", which is not a whole number.</c></returns>
    public override string ToString() => $"{Kind}: {Message}";
}
