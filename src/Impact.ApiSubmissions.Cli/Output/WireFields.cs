using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// A submission's wire fields, read from the generated model (so from the spec), in the spec's order:
/// the CSV columns and the rows of <c>get</c> follow a spec edit with no list to keep here.
/// </summary>
internal static class WireFields
{
    /// <summary>The wire names, e.g. <c>BatchId</c>, <c>AccountId</c>.</summary>
    public static IReadOnlyList<string> Names => WireFields<ApiSubmission>.Names;

    /// <summary>Every field with its value as text (null when absent): numbers invariant, dates ISO 8601 with their offset.</summary>
    public static IEnumerable<(string Name, string? Value)> Of(ApiSubmission submission) => WireFields<ApiSubmission>.Of(submission);

    /// <summary>ISO 8601 with the offset as sent, fractions of a second only when there are some.</summary>
    public static string? Date(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    internal static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTimeOffset date => Date(date),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>The wire fields of any generated model (a file submission, a failed line...), read from the model as for <see cref="WireFields"/>.</summary>
internal static class WireFields<TModel>
    where TModel : class
{
    private static readonly IReadOnlyList<JsonProperty> Properties =
        ((JsonObjectContract)new DefaultContractResolver().ResolveContract(typeof(TModel)))
            .Properties.Where(p => !p.Ignored && p.Readable).OrderBy(p => p.Order ?? 0).ToList();

    /// <summary>The wire names, in the spec's order.</summary>
    public static IReadOnlyList<string> Names { get; } = Properties.Select(p => p.PropertyName!).ToList();

    /// <summary>Every field with its value as text (null when absent).</summary>
    public static IEnumerable<(string Name, string? Value)> Of(TModel record) =>
        Values(record).Select(f => (f.Name, WireFields.Text(f.Value)));

    /// <summary>Every field with its value as the model holds it (a date stays a date), for views that format values themselves.</summary>
    public static IEnumerable<(string Name, object? Value)> Values(TModel record) =>
        Properties.Select(p => (p.PropertyName!, p.ValueProvider!.GetValue(record)));
}
