using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>
/// Checks a JSON body against a schema of the spec, the way our stubs and fixtures must satisfy it.
/// First it applies exactly the documented wire rules of impact.com, and nothing else:
/// <list type="bullet">
/// <item>a JSON string holding a number is accepted where the schema says <c>integer</c> or <c>number</c>;</item>
/// <item><c>""</c> is accepted where the schema says <c>nullable</c>.</item>
/// </list>
/// Then it validates strictly with NJsonSchema: no property the spec does not name
/// (<c>additionalProperties: false</c> everywhere), every property the spec's <c>required</c> lists present,
/// types, formats and enums as the spec writes them.
/// </summary>
internal sealed class WireValidator
{
    // Alternatives: a page names its array APISubmissions (the live service) or APISubmission (the v14 schema), exactly one.
    private static readonly Dictionary<string, string[]> OneOf = new()
    {
        ["ApiSubmissionPage"] = new[] { "APISubmissions", "APISubmission" },
    };

    private readonly OpenApiDocument _spec;

    public WireValidator(OpenApiDocument spec)
    {
        _spec = spec;
    }

    /// <summary>Validates against a named component schema, e.g. <c>ApiSubmission</c>.</summary>
    public IReadOnlyList<string> Validate(JToken body, string schemaName) => Validate(body, _spec.Components.Schemas[schemaName]);

    /// <summary>Validates against a schema of the spec; an empty list means the body conforms.</summary>
    public IReadOnlyList<string> Validate(JToken body, OpenApiSchema schema)
    {
        var errors = new List<string>();
        var normalised = Normalise(body.DeepClone(), schema, "#", errors);
        var strict = ToJsonSchema(schema, new JsonSchema());
        errors.AddRange(strict.Validate(normalised).SelectMany(Describe));
        return errors;
    }

    /// <summary>The JSON body of one response of one operation, resolved to its schema.</summary>
    public OpenApiSchema ResponseSchema(string operationId, string statusCode) =>
        SpecOperations.Find(operationId).Operation.Responses[statusCode].Content["application/json"].Schema;

    private static JToken Normalise(JToken token, OpenApiSchema schema, string path, List<string> errors)
    {
        var (effective, nullable) = Effective(schema);
        if (token.Type == JTokenType.String)
        {
            var text = (string)token!;
            if (text.Length == 0 && nullable)
            {
                return Replace(token, JValue.CreateNull());
            }

            if (effective.Type == "integer" && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return Replace(token, new JValue(number));
            }

            if (effective.Type == "number" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return Replace(token, new JValue(real));
            }
        }

        if (token is JObject obj && effective.Type == "object")
        {
            foreach (var property in effective.Properties)
            {
                if (obj.TryGetValue(property.Key, out var child))
                {
                    Normalise(child, property.Value, path + "/" + property.Key, errors);
                }
            }

            if (effective.Reference?.Id is { } name && OneOf.TryGetValue(name, out var alternatives)
                && alternatives.Count(obj.ContainsKey) != 1)
            {
                errors.Add($"OneOfRequired: {path} needs exactly one of {string.Join(", ", alternatives)}");
            }
        }

        if (token is JArray array && effective.Type == "array")
        {
            for (var i = 0; i < array.Count; i++)
            {
                Normalise(array[i], effective.Items, $"{path}[{i}]", errors);
            }
        }

        return token;
    }

    private static JToken Replace(JToken token, JToken replacement)
    {
        if (token.Parent is not null)
        {
            token.Replace(replacement);
        }

        return replacement;
    }

    private static JsonSchema ToJsonSchema(OpenApiSchema source, JsonSchema target)
    {
        var (schema, nullable) = Effective(source);
        target.Type = schema.Type switch
        {
            "string" => JsonObjectType.String,
            "integer" => JsonObjectType.Integer,
            "number" => JsonObjectType.Number,
            "boolean" => JsonObjectType.Boolean,
            "array" => JsonObjectType.Array,
            "object" => JsonObjectType.Object,
            _ => throw new NotSupportedException($"The spec uses type '{schema.Type}', which the wire validator does not know."),
        };
        if (nullable)
        {
            target.Type |= JsonObjectType.Null;
        }

        if (schema.Format == "date-time")
        {
            target.Format = JsonFormatStrings.DateTime;
        }

        foreach (var value in schema.Enum.OfType<OpenApiString>())
        {
            target.Enumeration.Add(value.Value);
        }

        if (target.Enumeration.Count > 0 && nullable)
        {
            target.Enumeration.Add(null);
        }

        if (schema.Type == "array")
        {
            target.Item = ToJsonSchema(schema.Items, new JsonSchema());
        }

        if (schema.Type == "object")
        {
            target.AllowAdditionalProperties = false;
            foreach (var property in schema.Properties)
            {
                target.Properties[property.Key] = (JsonSchemaProperty)ToJsonSchema(property.Value, new JsonSchemaProperty());
                if (schema.Required.Contains(property.Key))
                {
                    target.RequiredProperties.Add(property.Key);
                }
            }
        }

        return target;
    }

    // `allOf: [$ref]` plus `nullable: true` is how the spec makes a shared enum nullable.
    private static (OpenApiSchema Schema, bool Nullable) Effective(OpenApiSchema schema) =>
        schema.Type is null && schema.AllOf.Count == 1
            ? (schema.AllOf[0], schema.Nullable || schema.AllOf[0].Nullable)
            : (schema, schema.Nullable);

    private static IEnumerable<string> Describe(NJsonSchema.Validation.ValidationError error) => error switch
    {
        NJsonSchema.Validation.ChildSchemaValidationError child => child.Errors.SelectMany(e => e.Value).SelectMany(Describe).DefaultIfEmpty($"{error.Kind}: {error.Path}"),

        // "integer or null": report why the value is not the real type, not that it is not null.
        NJsonSchema.Validation.MultiTypeValidationError multi => multi.Errors.Where(e => e.Key != JsonObjectType.Null)
            .SelectMany(e => e.Value).SelectMany(Describe).DefaultIfEmpty($"{error.Kind}: {error.Path}"),
        _ => new[] { $"{error.Kind}: {error.Path}" },
    };
}
