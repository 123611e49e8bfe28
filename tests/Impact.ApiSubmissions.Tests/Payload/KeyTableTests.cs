using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>
/// The typed properties of <see cref="SubmissionPayload"/> and the table of documented keys (PayloadKeys) agree:
/// every property is a declared key of its name and kind, and every declared key has its property.
/// </summary>
public class KeyTableTests
{
    // The typed properties are the settable ones; Count, Fields, Items and the other views are read-only.
    private static readonly PropertyInfo[] TypedProperties = typeof(SubmissionPayload)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
        .ToArray();

    private static readonly FieldInfo[] Declarations = typeof(PayloadKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(PayloadKey<>))
        .ToArray();

    private static readonly Dictionary<Type, object> Samples = new()
    {
        [typeof(string)] = "x y",
        [typeof(long)] = 2147483648L,
        [typeof(decimal)] = 6.90m,
        [typeof(DateTimeOffset)] = new DateTimeOffset(2024, 8, 1, 23, 55, 24, TimeSpan.FromHours(-8)),
        [typeof(bool)] = true,
    };

    [Fact]
    public void Every_typed_property_is_a_declared_key_and_every_declared_key_has_a_typed_property()
    {
        TypedProperties.Select(p => p.Name).Should().BeEquivalentTo(Declarations.Select(f => f.Name));
        TypedProperties.Should().HaveCountGreaterThan(50);
    }

    [Fact]
    public void Each_typed_property_has_the_type_its_declaration_reads()
    {
        foreach (var property in TypedProperties)
        {
            var declared = Declarations.Single(f => f.Name == property.Name).FieldType.GetGenericArguments()[0];
            var read = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            read.Should().Be(declared, $"{property.Name} reads its key as {declared.Name}");
        }
    }

    [Fact]
    public void Each_declaration_is_named_as_its_key_and_is_known_with_a_kind_that_fits_its_type()
    {
        foreach (var field in Declarations)
        {
            var key = (PayloadKey)field.GetValue(null)!;
            string name = key.Name;
            PayloadValueKind kind = key.Kind;
            name.Should().Be(field.Name);
            PayloadKeys.TryGetKind(name, out var known).Should().BeTrue(name);
            known.Should().Be(kind);
            var type = field.FieldType.GetGenericArguments()[0];
            KindsOf(type).Should().Contain(kind, $"{name} is read as {type.Name}");
        }
    }

    [Fact]
    public void The_known_keys_are_the_declared_keys_and_the_custom_slots()
    {
        var slots = Enumerable.Range(1, 50).Select(k => "Text" + k)
            .Concat(Enumerable.Range(1, 10).Select(k => "Numeric" + k))
            .Concat(Enumerable.Range(1, 3).Select(k => "Money" + k))
            .Concat(Enumerable.Range(1, 10).Select(k => "Date" + k));

        PayloadKeys.All.Select(k => k.Name).Should().BeEquivalentTo(Declarations.Select(f => f.Name).Concat(slots));
    }

    [Fact]
    public void Each_typed_property_writes_and_reads_the_key_of_its_own_name()
    {
        foreach (var property in TypedProperties)
        {
            var payload = new SubmissionPayload();
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object value = Samples[type];

            property.SetValue(payload, value);

            payload.Fields.Select(f => f.Key).Should().Equal(new[] { property.Name }, "setting {0} writes its own key", property.Name);
            payload.AdditionalFields.Should().BeEmpty("{0} is a known key", property.Name);
            property.GetValue(payload).Should().Be(value, "{0} reads back what it wrote", property.Name);
        }
    }

    [Fact]
    public void Every_typed_item_property_is_a_declared_attribute_and_every_attribute_has_its_property_or_slot_methods()
    {
        var properties = typeof(PayloadItem).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToArray();
        var declared = typeof(PayloadItemAttributes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Field: f, Attribute: (PayloadItemAttribute)f.GetValue(null)!))
            .ToArray();

        declared.Select(d => d.Attribute).Should().Equal(PayloadItemAttributes.All);
        properties.Select(p => p.Name).Should().BeEquivalentTo(declared.Where(d => d.Attribute.Slots == 0).Select(d => d.Attribute.Name));
        foreach (var (field, attribute) in declared)
        {
            var type = field.FieldType.GetGenericArguments()[0];
            if (attribute.Slots == 0)
            {
                field.Name.Should().Be(attribute.Name);
                var property = properties.Single(p => p.Name == attribute.Name);
                (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).Should().Be(type);
            }
            else
            {
                field.Name.Should().Be(attribute.Name + "Slots");
                var get = typeof(PayloadItem).GetMethod("Get" + attribute.Name);
                get.Should().NotBeNull($"{attribute.Name} slots have a reader");
                (Nullable.GetUnderlyingType(get!.ReturnType) ?? get.ReturnType).Should().Be(type);
                typeof(PayloadItem).GetMethod("Set" + attribute.Name).Should().NotBeNull($"{attribute.Name} slots have a writer");
            }

            KindsOf(type).Should().Contain(attribute.Kind, $"Item{attribute.Name} is read as {type.Name}");
        }
    }

    [Fact]
    public void Each_typed_item_property_writes_and_reads_the_key_of_its_own_name()
    {
        var properties = typeof(PayloadItem).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true });
        foreach (var property in properties)
        {
            var payload = new SubmissionPayload();
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object value = type == typeof(int) ? 3 : Samples[type];

            property.SetValue(payload.GetItem(2), value);

            payload.Fields.Select(f => f.Key).Should().Equal(new[] { "Item" + property.Name + "2" }, "setting {0} writes its own key", property.Name);
            payload.Items.Single().AdditionalFields.Should().BeEmpty("Item{0}2 is a known key", property.Name);
            property.GetValue(payload.Items.Single()).Should().Be(value, "{0} reads back what it wrote", property.Name);
        }
    }

    private static PayloadValueKind[] KindsOf(Type type) =>
        type == typeof(string) ? new[] { PayloadValueKind.Text }
        : type == typeof(long) ? new[] { PayloadValueKind.Id }
        : type == typeof(int) ? new[] { PayloadValueKind.Int32 }
        : type == typeof(decimal) ? new[] { PayloadValueKind.Decimal, PayloadValueKind.Money }
        : type == typeof(DateTimeOffset) ? new[] { PayloadValueKind.DateTime }
        : type == typeof(bool) ? new[] { PayloadValueKind.Boolean }
        : Array.Empty<PayloadValueKind>();
}
