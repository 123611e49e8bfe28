using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Readers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// The spec (embedded at build time) as the mock's source for fields it does not model itself: a property
/// added to the spec's <c>ApiSubmission</c> schema is served with that schema's example, so a spec edit
/// reaches the mock's answers with no hand edit here.
/// </summary>
internal static class SpecExamples
{
    // The fields the generator and the builder set themselves; every other wire field comes from the spec.
    private static readonly HashSet<string> Modelled = new(StringComparer.Ordinal)
    {
        nameof(ApiSubmission.BatchId), nameof(ApiSubmission.AccountId), nameof(ApiSubmission.SubmissionDate),
        nameof(ApiSubmission.CampaignId), nameof(ApiSubmission.ActionTrackerId), nameof(ApiSubmission.MediaPartnerId),
        nameof(ApiSubmission.EventCode), nameof(ApiSubmission.OrderId), nameof(ApiSubmission.Payload),
        nameof(ApiSubmission.Type), nameof(ApiSubmission.Status), nameof(ApiSubmission.CompletionDate),
        nameof(ApiSubmission.ErrorType), nameof(ApiSubmission.ErrorReason), nameof(ApiSubmission.Uri),
    };

    // Newtonsoft's defaults read the model's [JsonProperty] names; dates stay as the spec writes them.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None });

    private static readonly Lazy<IReadOnlyList<(JsonProperty Property, JToken Example)>> Unmodelled = new(Read);

    /// <summary>The submission's wire properties, in the model's order.</summary>
    public static IReadOnlyList<JsonProperty> WireProperties { get; } =
        ((JsonObjectContract)Serializer.ContractResolver.ResolveContract(typeof(ApiSubmission))).Properties
            .Where(p => !p.Ignored && p.Readable)
            .OrderBy(p => p.Order ?? 0)
            .ToList();

    /// <summary>Sets every wire property the mock does not model to the spec's example for it.</summary>
    public static ApiSubmission Fill(ApiSubmission submission)
    {
        foreach (var (property, example) in Unmodelled.Value)
        {
            property.ValueProvider!.SetValue(submission, example.ToObject(property.PropertyType!, Serializer));
        }

        return submission;
    }

    private static IReadOnlyList<(JsonProperty, JToken)> Read()
    {
        using var stream = typeof(SpecExamples).Assembly.GetManifestResourceStream("Impact.ApiSubmissions.Testing.openapi.yaml")
            ?? throw new InvalidOperationException("The spec is not embedded in Impact.ApiSubmissions.Testing.");
        var schema = new OpenApiStreamReader().Read(stream, out _).Components.Schemas["ApiSubmission"];
        var examples = new List<(JsonProperty, JToken)>();
        foreach (var property in WireProperties.Where(p => !Modelled.Contains(p.PropertyName!)))
        {
            // A property without an example is left absent, as impact.com writes an absent value.
            if (schema.Properties.TryGetValue(property.PropertyName!, out var spec) && ToJson(spec.Example) is { } example)
            {
                examples.Add((property, example));
            }
        }

        return examples;
    }

    private static JToken? ToJson(IOpenApiAny? example) => example switch
    {
        OpenApiString s => new JValue(s.Value),
        OpenApiInteger i => new JValue(i.Value),
        OpenApiLong l => new JValue(l.Value),
        OpenApiDouble d => new JValue(d.Value),
        OpenApiFloat f => new JValue(f.Value),
        OpenApiBoolean b => new JValue(b.Value),
        OpenApiDateTime t => new JValue(t.Value),
        OpenApiDate d => new JValue(d.Value),
        _ => null,
    };
}
