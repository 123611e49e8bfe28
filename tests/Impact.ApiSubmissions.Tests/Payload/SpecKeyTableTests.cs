using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Foundation;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>
/// The spec's conversion schema (the request body of POST Conversions) and the payload's key table are one: every
/// property of the schema is a declared key, slot family or item attribute of the same kind and rules, and every
/// declaration comes from a property of the schema.
/// </summary>
public class SpecKeyTableTests
{
    private static readonly Lazy<OpenApiDocument> Spec = new(() =>
    {
        using var stream = File.OpenRead(SpecFile.SpecPath);
        return new OpenApiStreamReader().Read(stream, out _);
    });

    private static OpenApiSchema Conversion =>
        Spec.Value.Paths["/Advertisers/{AccountSID}/Conversions"].Operations[OperationType.Post]
            .RequestBody.Content["application/x-www-form-urlencoded"].Schema;

    [Fact]
    public void The_conversion_body_is_the_payload_schema_marked_for_the_payload_model()
    {
        Conversion.Reference.Id.Should().Be(nameof(SubmissionPayload));
        ((OpenApiBoolean)Conversion.Extensions["x-payload-keys"]).Value.Should().BeTrue();
    }

    [Fact]
    public void Each_plain_key_of_the_schema_is_declared_with_its_kind_and_rules_and_nothing_else_is()
    {
        var plain = Conversion.Properties.Where(p => !p.Key.Contains('{')).ToList();
        var declared = PayloadKeys.All.Where(k => !IsSlot(k.Name)).ToList();

        declared.Select(k => k.Name).Should().Equal(plain.Select(p => p.Key), "the table declares the schema's keys, in its order");
        foreach (var (name, schema) in plain)
        {
            var key = declared.Single(k => k.Name == name);
            key.Kind.Should().Be(KindOf(schema), name);
            key.Required.Should().Be(Conversion.Required.Contains(name), name);
            key.OneOf.Should().Be(Text(schema, "x-one-of"), name);
        }
    }

    [Fact]
    public void Each_slot_family_of_the_schema_declares_its_numbered_keys()
    {
        var families = Conversion.Properties.Where(p => p.Key.EndsWith("{k}") && !p.Key.StartsWith("Item")).ToList();
        families.Select(f => f.Key).Should().Equal("Text{k}", "Numeric{k}", "Money{k}", "Date{k}");

        var expected = families.SelectMany(f => Enumerable.Range(1, Slots(f.Value))
            .Select(k => (Name: f.Key.Replace("{k}", k.ToString()), Kind: KindOf(f.Value))));
        PayloadKeys.All.Where(k => IsSlot(k.Name)).Select(k => (k.Name, k.Kind)).Should().Equal(expected);
        PayloadKeys.TextSlots.Should().HaveCount(50);
    }

    [Fact]
    public void Each_item_key_of_the_schema_is_a_declared_item_attribute_and_nothing_else_is()
    {
        var items = Conversion.Properties.Where(p => p.Key.Contains("{i}")).ToList();
        items.Should().OnlyContain(p => p.Key.StartsWith("Item"));

        var expected = items.Select(p => (
            Name: p.Key.Substring("Item".Length).Replace("{i}", string.Empty).Replace("_{k}", string.Empty),
            Kind: KindOf(p.Value),
            Slots: p.Key.EndsWith("_{k}") ? Slots(p.Value) : 0,
            OneOf: Text(p.Value, "x-one-of")));
        PayloadItemAttributes.All.Select(a => (a.Name, a.Kind, a.Slots, a.OneOf)).Should().Equal(expected);
    }

    [Fact]
    public void The_rules_are_impacts_required_keys_and_one_of_groups()
    {
        Conversion.Required.Should().BeEquivalentTo("CampaignId", "EventDate", "OrderId");
        PayloadKeys.OneOfGroups.Select(g => (g.Name, string.Join(",", g.Keys))).Should().Equal(
            ("event type", "ActionTrackerId,EventTypeId,EventTypeCode"),
            ("attribution", "ClickId,CustomerId,CustomProfileId,CustomClickId,PromoCode,MediaId,MediaPartnerId,UniqueUrl,CallerId,GoogAId,AndroidId,AppleIfa,AppleIfv"));
        PayloadItemAttributes.OneOfGroups.Select(g => (g.Name, string.Join(",", g.Keys.Select(a => a.Name)))).Should().Equal(
            ("item price", "Price,SubTotal"));
    }

    [Fact]
    public void Every_key_has_a_description()
    {
        Conversion.Properties.Where(p => string.IsNullOrWhiteSpace(p.Value.Description)).Select(p => p.Key).Should().BeEmpty();
    }

    private static bool IsSlot(string name) =>
        PayloadKeys.TextSlots.Concat<PayloadKey>(PayloadKeys.NumericSlots).Concat(PayloadKeys.MoneySlots).Concat(PayloadKeys.DateSlots)
            .Any(k => k.Name == name);

    private static int Slots(OpenApiSchema schema) => ((OpenApiInteger)schema.Extensions["x-slots"]).Value;

    private static string? Text(OpenApiSchema schema, string extension) =>
        schema.Extensions.TryGetValue(extension, out var value) ? ((OpenApiString)value).Value : null;

    private static PayloadValueKind KindOf(OpenApiSchema schema)
    {
        bool money = schema.Extensions.TryGetValue("x-money", out var flag) && ((OpenApiBoolean)flag).Value;
        return (schema.Type, schema.Format) switch
        {
            ("string", "date-time") => PayloadValueKind.DateTime,
            ("string", null) => PayloadValueKind.Text,
            ("integer", "int64") => PayloadValueKind.Id,
            ("integer", "int32") => PayloadValueKind.Int32,
            ("number", "decimal") => money ? PayloadValueKind.Money : PayloadValueKind.Decimal,
            ("boolean", null) => PayloadValueKind.Boolean,
            _ => throw new KeyNotFoundException($"No payload kind for type {schema.Type}, format {schema.Format}."),
        };
    }
}
