using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using NJsonSchema;
using NSwag;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>
/// The payload's typed properties follow impact.com's published Conversions document: every key it types has the same
/// JSON type in our spec (integer, boolean, number, string), so the payload reads an id as a number and a flag as a bool.
/// Names are matched across the two spellings: <c>ItemSku[i]</c> is our <c>ItemSku{i}</c>, <c>Numeric1</c> is our
/// <c>Numeric{k}</c> unless our spec names <c>Numeric1</c> itself, <c>Text1–Text50</c> is our <c>Text{k}</c>.
/// </summary>
public class ConversionKeyTypesTests
{
    private const string ConversionsPath = "/Advertisers/{AccountSID}/Conversions";

    [Fact]
    public void Every_key_the_published_conversions_document_types_has_the_same_type_in_our_spec()
    {
        var published = Keys(Path.Combine(AppContext.BaseDirectory, "contracts", "reference", "impact-brand-conversions-v14.yaml"));
        var ours = Keys(Foundation.SpecFile.SpecPath);

        var differences = published
            .Select(key => (Key: key.Key, Ours: OurName(key.Key, ours), Published: key.Value))
            .Where(k => k.Ours is not null && Plain(ours[k.Ours]) != Plain(k.Published))
            .Select(k => $"{k.Key}: published {Plain(k.Published)}, ours ({k.Ours}) {Plain(ours[k.Ours!])}")
            .ToList();
        var unmatched = published.Keys.Where(k => OurName(k, ours) is null).ToList();

        differences.Should().BeEmpty("the spec's conversion keys must have the published types");
        unmatched.Should().BeEmpty("every published key has a place in our spec");
    }

    private static string? OurName(string published, System.Collections.Generic.IReadOnlyDictionary<string, JsonSchemaProperty> ours)
    {
        if (ours.ContainsKey(published))
        {
            return published;
        }

        // "Text1–Text50", "ItemText[i]_1 to ItemText[i]_50": the first of a range names the family.
        var name = Regex.Split(published, @"\s+to\s+|–")[0].Trim().Replace("[i]", "{i}", StringComparison.Ordinal);
        if (ours.ContainsKey(name))
        {
            return name;
        }

        var family = Regex.Replace(name, @"(?<=[A-Za-z_])\d+$", "{k}");
        return ours.ContainsKey(family) ? family : null;
    }

    // The JSON type alone (integer, number, boolean, string): formats differ in detail (int64, decimal, uri) by design.
    private static string Plain(JsonSchemaProperty property) =>
        (property.ActualTypeSchema.Type & ~JsonObjectType.Null).ToString();

    private static System.Collections.Generic.IReadOnlyDictionary<string, JsonSchemaProperty> Keys(string file)
    {
        var document = OpenApiYamlDocument.FromFileAsync(file).GetAwaiter().GetResult();
        var body = document.Paths[ConversionsPath]["post"].RequestBody.Content["application/x-www-form-urlencoded"].Schema.ActualSchema;
        return body.ActualProperties;
    }
}
