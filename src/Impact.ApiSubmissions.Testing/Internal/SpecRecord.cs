using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// One record type of the generated model as the mock writes it: its wire properties in the model's order,
/// and, for each property the mock does not set itself, the example of the spec's schema (the spec is
/// embedded at build time). A property added to the schema reaches the mock's answers with no hand edit here.
/// </summary>
internal sealed class SpecRecord<T>
    where T : class
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lazy<IReadOnlyList<(JsonProperty Property, JToken Example)>> _unmodelled;

    public SpecRecord(string schemaName, IEnumerable<string> modelled)
    {
        var set = new HashSet<string>(modelled, StringComparer.Ordinal);
        WireProperties = ((JsonObjectContract)SpecDocument.Serializer.ContractResolver.ResolveContract(typeof(T))).Properties
            .Where(p => !p.Ignored && p.Readable)
            .OrderBy(p => p.Order ?? 0)
            .ToList();
        _unmodelled = new(() => Examples(SpecDocument.Value.Components.Schemas[schemaName], WireProperties.Where(p => !set.Contains(p.PropertyName!))));
    }

    /// <summary>The record's wire properties, in the model's order.</summary>
    public IReadOnlyList<JsonProperty> WireProperties { get; }

    /// <summary>Sets every wire property the mock does not model to the spec's example for it.</summary>
    public T Fill(T record)
    {
        foreach (var (property, example) in _unmodelled.Value)
        {
            property.ValueProvider!.SetValue(record, example.ToObject(property.PropertyType!, SpecDocument.Serializer));
        }

        return record;
    }

    /// <summary>Reads wire JSON back into the model, exactly as a client would see it.</summary>
    public T Read(byte[] json)
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(json), Utf8));
        return SpecDocument.Serializer.Deserialize<T>(reader) ?? throw new InvalidOperationException($"A stored {typeof(T).Name} did not read back as JSON.");
    }

    private static IReadOnlyList<(JsonProperty, JToken)> Examples(OpenApiSchema schema, IEnumerable<JsonProperty> properties)
    {
        var examples = new List<(JsonProperty, JToken)>();
        foreach (var property in properties)
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

/// <summary>The embedded spec, read once, and the serializer that reads the model as the SDK does.</summary>
internal static class SpecDocument
{
    private static readonly Lazy<OpenApiDocument> Document = new(() =>
    {
        using var stream = typeof(SpecDocument).Assembly.GetManifestResourceStream("Impact.ApiSubmissions.Testing.openapi.yaml")
            ?? throw new InvalidOperationException("The spec is not embedded in Impact.ApiSubmissions.Testing.");
        return new OpenApiStreamReader().Read(stream, out _);
    });

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Impact.ApiSubmissions.Serialization.ImpactJson.CreateSettings());

    public static OpenApiDocument Value => Document.Value;
}
