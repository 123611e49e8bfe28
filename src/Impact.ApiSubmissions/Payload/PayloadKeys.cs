using System;
using System.Collections.Generic;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>What a documented value is, for reading and for <see cref="SubmissionPayload.Validate()"/>.</summary>
internal enum PayloadValueKind : byte
{
    Text,

    /// <summary>An impact.com id: a 64-bit whole number.</summary>
    Id,

    /// <summary>A count, such as an item's quantity: a 32-bit whole number.</summary>
    Int32,
    Decimal,

    /// <summary>A decimal amount in the payload's <c>CurrencyCode</c>.</summary>
    Money,
    DateTime,
    Boolean,
}

/// <summary>A documented payload key: its name and the kind of its value.</summary>
internal class PayloadKey
{
    internal PayloadKey(string name, PayloadValueKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public PayloadValueKind Kind { get; }
}

/// <summary>A documented payload key whose typed property reads <typeparamref name="T"/>, so a property can only read a key declared with the matching kind.</summary>
/// <typeparam name="T">The value's type: <see cref="string"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="DateTimeOffset"/> or <see cref="bool"/>.</typeparam>
internal sealed class PayloadKey<T> : PayloadKey
{
    internal PayloadKey(string name, PayloadValueKind kind)
        : base(name, kind)
    {
    }
}

/// <summary>
/// The payload-level keys the SDK documents (items aside), each declared once, with the kind of its value.
/// <see cref="SubmissionPayload"/>'s typed properties read and write through these declarations, and the set of
/// known keys (for <see cref="SubmissionPayload.AdditionalFields"/> and <see cref="SubmissionPayload.Validate()"/>)
/// is built from them: a typed property cannot read a key that is not known. One line per key, so that the table
/// can be generated from the spec.
/// </summary>
internal static class PayloadKeys
{
    // Declared before the keys: field initialisers run in order, and each declaration below adds itself here.
    private static readonly Dictionary<string, PayloadValueKind> Kinds = new(StringComparer.Ordinal);

    // Event
    public static readonly PayloadKey<long> CampaignId = Id(nameof(CampaignId));
    public static readonly PayloadKey<long> ActionTrackerId = Id(nameof(ActionTrackerId));
    public static readonly PayloadKey<long> EventTypeId = Id(nameof(EventTypeId));
    public static readonly PayloadKey<string> EventTypeCode = Text(nameof(EventTypeCode));
    public static readonly PayloadKey<DateTimeOffset> EventDate = Date(nameof(EventDate));
    public static readonly PayloadKey<string> OrderId = Text(nameof(OrderId));

    // Attribution keys
    public static readonly PayloadKey<string> ClickId = Text(nameof(ClickId));
    public static readonly PayloadKey<string> CustomerId = Text(nameof(CustomerId));
    public static readonly PayloadKey<string> CustomProfileId = Text(nameof(CustomProfileId));
    public static readonly PayloadKey<string> CustomClickId = Text(nameof(CustomClickId));
    public static readonly PayloadKey<string> OrderPromoCode = Text(nameof(OrderPromoCode));
    public static readonly PayloadKey<string> PromoCode = Text(nameof(PromoCode));
    public static readonly PayloadKey<string> MediaId = Text(nameof(MediaId));
    public static readonly PayloadKey<long> MediaPartnerId = Id(nameof(MediaPartnerId));
    public static readonly PayloadKey<string> UniqueUrl = Text(nameof(UniqueUrl));
    public static readonly PayloadKey<string> CallerId = Text(nameof(CallerId));
    public static readonly PayloadKey<string> GoogAId = Text(nameof(GoogAId));
    public static readonly PayloadKey<string> AndroidId = Text(nameof(AndroidId));
    public static readonly PayloadKey<string> AppleIfa = Text(nameof(AppleIfa));
    public static readonly PayloadKey<string> AppleIfv = Text(nameof(AppleIfv));
    public static readonly PayloadKey<string> SharedId = Text(nameof(SharedId));
    public static readonly PayloadKey<string> SubId1 = Text(nameof(SubId1));
    public static readonly PayloadKey<string> SubId2 = Text(nameof(SubId2));
    public static readonly PayloadKey<string> SubId3 = Text(nameof(SubId3));

    // Customer
    public static readonly PayloadKey<string> CustomerEmail = Text(nameof(CustomerEmail));
    public static readonly PayloadKey<string> CustomerStatus = Text(nameof(CustomerStatus));
    public static readonly PayloadKey<string> CustomerCity = Text(nameof(CustomerCity));
    public static readonly PayloadKey<string> CustomerPostCode = Text(nameof(CustomerPostCode));
    public static readonly PayloadKey<string> CustomerCountry = Text(nameof(CustomerCountry));
    public static readonly PayloadKey<string> CustomerRegion = Text(nameof(CustomerRegion));
    public static readonly PayloadKey<string> IpAddress = Text(nameof(IpAddress));
    public static readonly PayloadKey<string> UserAgent = Text(nameof(UserAgent));

    // Order money
    public static readonly PayloadKey<string> CurrencyCode = Text(nameof(CurrencyCode));
    public static readonly PayloadKey<decimal> Amount = Money(nameof(Amount));
    public static readonly PayloadKey<decimal> OrderDiscount = Money(nameof(OrderDiscount));
    public static readonly PayloadKey<decimal> OrderSubTotalPostDiscount = Money(nameof(OrderSubTotalPostDiscount));
    public static readonly PayloadKey<decimal> OrderShipping = Money(nameof(OrderShipping));
    public static readonly PayloadKey<decimal> OrderTax = Money(nameof(OrderTax));
    public static readonly PayloadKey<decimal> OrderMargin = Number(nameof(OrderMargin));
    public static readonly PayloadKey<decimal> OrderDiscountRate = Number(nameof(OrderDiscountRate));
    public static readonly PayloadKey<string> PaymentType = Text(nameof(PaymentType));
    public static readonly PayloadKey<bool> GiftPurchase = Boolean(nameof(GiftPurchase));

    // Device and app
    public static readonly PayloadKey<string> DeviceMfr = Text(nameof(DeviceMfr));
    public static readonly PayloadKey<string> DeviceModel = Text(nameof(DeviceModel));
    public static readonly PayloadKey<string> PropertyId = Text(nameof(PropertyId));
    public static readonly PayloadKey<string> AppPackage = Text(nameof(AppPackage));
    public static readonly PayloadKey<string> AppInstallRef = Text(nameof(AppInstallRef));
    public static readonly PayloadKey<string> AppVer = Text(nameof(AppVer));

    // Location
    public static readonly PayloadKey<string> LocationId = Text(nameof(LocationId));
    public static readonly PayloadKey<string> LocationName = Text(nameof(LocationName));
    public static readonly PayloadKey<string> LocationType = Text(nameof(LocationType));

    // Calls
    public static readonly PayloadKey<string> PhoneNumber = Text(nameof(PhoneNumber));
    public static readonly PayloadKey<string> CountryCode = Text(nameof(CountryCode));

    // Other
    public static readonly PayloadKey<string> TrackingConsent = Text(nameof(TrackingConsent));
    public static readonly PayloadKey<string> Note = Text(nameof(Note));
    public static readonly PayloadKey<string> DispositionCode = Text(nameof(DispositionCode));

    // Custom slots: Text1 to Text50, Numeric1 to Numeric10, Money1 to Money3, Date1 to Date10.
    public static readonly PayloadKey<string>[] TextSlots = Slots("Text", 50, Text);
    public static readonly PayloadKey<decimal>[] NumericSlots = Slots("Numeric", 10, Number);
    public static readonly PayloadKey<decimal>[] MoneySlots = Slots("Money", 3, Money);
    public static readonly PayloadKey<DateTimeOffset>[] DateSlots = Slots("Date", 10, Date);

    /// <summary>Every declared key with its kind.</summary>
    public static IReadOnlyDictionary<string, PayloadValueKind> All => Kinds;

    public static bool TryGetKind(string key, out PayloadValueKind kind) => Kinds.TryGetValue(key, out kind);

    /// <summary>The key of custom slot <paramref name="slot"/> (1-based) among <paramref name="slots"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside the slots.</exception>
    public static PayloadKey<T> Slot<T>(PayloadKey<T>[] slots, int slot)
    {
        if (slot < 1 || slot > slots.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"The slot must be 1 to {slots.Length}.");
        }

        return slots[slot - 1];
    }

    private static PayloadKey<string> Text(string name) => Declare<string>(name, PayloadValueKind.Text);

    private static PayloadKey<long> Id(string name) => Declare<long>(name, PayloadValueKind.Id);

    private static PayloadKey<decimal> Number(string name) => Declare<decimal>(name, PayloadValueKind.Decimal);

    private static PayloadKey<decimal> Money(string name) => Declare<decimal>(name, PayloadValueKind.Money);

    private static PayloadKey<DateTimeOffset> Date(string name) => Declare<DateTimeOffset>(name, PayloadValueKind.DateTime);

    private static PayloadKey<bool> Boolean(string name) => Declare<bool>(name, PayloadValueKind.Boolean);

    private static PayloadKey<T> Declare<T>(string name, PayloadValueKind kind)
    {
        Kinds.Add(name, kind); // throws on a key declared twice
        return new PayloadKey<T>(name, kind);
    }

    private static PayloadKey<T>[] Slots<T>(string prefix, int count, Func<string, PayloadKey<T>> declare)
    {
        var keys = new PayloadKey<T>[count];
        for (int k = 1; k <= count; k++)
        {
            keys[k - 1] = declare(prefix + k.ToString(CultureInfo.InvariantCulture));
        }

        return keys;
    }
}

/// <summary>
/// A documented item attribute: the name between <c>Item</c> and the item's index in its key (<c>Sku</c> in
/// <c>ItemSku2</c>), the kind of its value, and its number of slots (0 for an attribute without slots; 50 for
/// <c>ItemText{i}_{k}</c>).
/// </summary>
internal class PayloadItemAttribute
{
    internal PayloadItemAttribute(string name, PayloadValueKind kind, int slots)
    {
        Name = name;
        Kind = kind;
        Slots = slots;
    }

    public string Name { get; }

    public PayloadValueKind Kind { get; }

    public int Slots { get; }
}

/// <summary>An item attribute whose typed property or slot reader reads <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value's type: <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/> or <see cref="DateTimeOffset"/>.</typeparam>
internal sealed class PayloadItemAttribute<T> : PayloadItemAttribute
{
    internal PayloadItemAttribute(string name, PayloadValueKind kind, int slots)
        : base(name, kind, slots)
    {
    }
}

/// <summary>
/// The item attributes the SDK documents, each declared once: <see cref="PayloadItem"/>'s typed properties and slot
/// readers read through these declarations, and an item key names a known attribute only when it is declared here.
/// </summary>
internal static class PayloadItemAttributes
{
    // Declared before the attributes: each declaration below adds itself here.
    private static readonly List<PayloadItemAttribute> Declared = new();

    public static readonly PayloadItemAttribute<string> Sku = Text(nameof(Sku));
    public static readonly PayloadItemAttribute<string> PromoCode = Text(nameof(PromoCode));
    public static readonly PayloadItemAttribute<string> Name = Text(nameof(Name));
    public static readonly PayloadItemAttribute<string> Category = Text(nameof(Category));
    public static readonly PayloadItemAttribute<string> SubCategory = Text(nameof(SubCategory));
    public static readonly PayloadItemAttribute<string> Mpn = Text(nameof(Mpn));
    public static readonly PayloadItemAttribute<string> Brand = Text(nameof(Brand));
    public static readonly PayloadItemAttribute<int> Quantity = Declare<int>(nameof(Quantity), PayloadValueKind.Int32);
    public static readonly PayloadItemAttribute<decimal> Price = Money(nameof(Price));
    public static readonly PayloadItemAttribute<decimal> SubTotal = Money(nameof(SubTotal));
    public static readonly PayloadItemAttribute<decimal> Discount = Money(nameof(Discount));
    public static readonly PayloadItemAttribute<decimal> DiscountRate = Declare<decimal>(nameof(DiscountRate), PayloadValueKind.Decimal);
    public static readonly PayloadItemAttribute<decimal> TotalDiscount = Money(nameof(TotalDiscount));
    public static readonly PayloadItemAttribute<string> DeliveryType = Text(nameof(DeliveryType));

    // Custom slots: ItemText{i}_1 to _50, ItemNumeric{i}_1 to _10, ItemDate{i}_1 to _10, ItemMoney{i}_1 to _3.
    public static readonly PayloadItemAttribute<string> TextSlots = Declare<string>("Text", PayloadValueKind.Text, 50);
    public static readonly PayloadItemAttribute<decimal> NumericSlots = Declare<decimal>("Numeric", PayloadValueKind.Decimal, 10);
    public static readonly PayloadItemAttribute<DateTimeOffset> DateSlots = Declare<DateTimeOffset>("Date", PayloadValueKind.DateTime, 10);
    public static readonly PayloadItemAttribute<decimal> MoneySlots = Declare<decimal>("Money", PayloadValueKind.Money, 3);

    public static IReadOnlyList<PayloadItemAttribute> All => Declared;

    private static PayloadItemAttribute<string> Text(string name) => Declare<string>(name, PayloadValueKind.Text);

    private static PayloadItemAttribute<decimal> Money(string name) => Declare<decimal>(name, PayloadValueKind.Money);

    private static PayloadItemAttribute<T> Declare<T>(string name, PayloadValueKind kind, int slots = 0)
    {
        var attribute = new PayloadItemAttribute<T>(name, kind, slots);
        Declared.Add(attribute);
        return attribute;
    }
}
