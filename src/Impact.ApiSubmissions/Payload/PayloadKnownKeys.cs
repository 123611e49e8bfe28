using System.Collections.Generic;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>What a documented value is, for reading and for <see cref="SubmissionPayload.Validate()"/>.</summary>
internal enum PayloadValueKind : byte
{
    Text,
    Int32,
    Decimal,

    /// <summary>A decimal amount in the payload's <c>CurrencyCode</c>.</summary>
    Money,
    DateTime,
    Boolean,
}

/// <summary>The payload-level keys the SDK models (items aside), with the kind of each value.</summary>
internal static class PayloadKnownKeys
{
    public const int TextSlots = 50;
    public const int NumericSlots = 10;
    public const int MoneySlots = 3;
    public const int DateSlots = 10;

    private static readonly Dictionary<string, PayloadValueKind> Kinds = Build();

    public static bool TryGetKind(string key, out PayloadValueKind kind) => Kinds.TryGetValue(key, out kind);

    public static PayloadValueKind KindOfItem(PayloadItemAttribute attribute) => attribute switch
    {
        PayloadItemAttribute.Quantity => PayloadValueKind.Int32,
        PayloadItemAttribute.Price => PayloadValueKind.Money,
        PayloadItemAttribute.SubTotal => PayloadValueKind.Money,
        PayloadItemAttribute.Discount => PayloadValueKind.Money,
        PayloadItemAttribute.TotalDiscount => PayloadValueKind.Money,
        PayloadItemAttribute.Money => PayloadValueKind.Money,
        PayloadItemAttribute.DiscountRate => PayloadValueKind.Decimal,
        PayloadItemAttribute.Numeric => PayloadValueKind.Decimal,
        PayloadItemAttribute.Date => PayloadValueKind.DateTime,
        _ => PayloadValueKind.Text,
    };

    public static string Slot(string prefix, int slot) => prefix + slot.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, PayloadValueKind> Build()
    {
        var kinds = new Dictionary<string, PayloadValueKind>(System.StringComparer.Ordinal);
        void Add(PayloadValueKind kind, params string[] keys)
        {
            foreach (string key in keys)
            {
                kinds[key] = kind;
            }
        }

        // Event
        Add(PayloadValueKind.Int32, "CampaignId", "ActionTrackerId", "EventTypeId");
        Add(PayloadValueKind.Text, "EventTypeCode", "OrderId");
        Add(PayloadValueKind.DateTime, "EventDate");

        // Attribution keys
        Add(PayloadValueKind.Int32, "MediaPartnerId");
        Add(
            PayloadValueKind.Text,
            "ClickId", "CustomerId", "CustomProfileId", "CustomClickId", "OrderPromoCode", "PromoCode", "MediaId",
            "UniqueUrl", "CallerId", "GoogAId", "AndroidId", "AppleIfa", "AppleIfv", "SharedId", "SubId1", "SubId2", "SubId3");

        // Customer
        Add(
            PayloadValueKind.Text,
            "CustomerEmail", "CustomerStatus", "CustomerCity", "CustomerPostCode", "CustomerCountry", "CustomerRegion",
            "IpAddress", "UserAgent");

        // Order money
        Add(PayloadValueKind.Text, "CurrencyCode", "PaymentType");
        Add(PayloadValueKind.Money, "Amount", "OrderDiscount", "OrderSubTotalPostDiscount", "OrderShipping", "OrderTax");
        Add(PayloadValueKind.Decimal, "OrderMargin", "OrderDiscountRate");
        Add(PayloadValueKind.Boolean, "GiftPurchase");

        // Device and app, location, calls, other
        Add(PayloadValueKind.Text, "DeviceMfr", "DeviceModel", "PropertyId", "AppPackage", "AppInstallRef", "AppVer");
        Add(PayloadValueKind.Text, "LocationId", "LocationName", "LocationType");
        Add(PayloadValueKind.Text, "PhoneNumber", "CountryCode");
        Add(PayloadValueKind.Text, "TrackingConsent", "Note", "DispositionCode");

        // Custom slots
        for (int k = 1; k <= TextSlots; k++) kinds[Slot("Text", k)] = PayloadValueKind.Text;
        for (int k = 1; k <= NumericSlots; k++) kinds[Slot("Numeric", k)] = PayloadValueKind.Decimal;
        for (int k = 1; k <= MoneySlots; k++) kinds[Slot("Money", k)] = PayloadValueKind.Money;
        for (int k = 1; k <= DateSlots; k++) kinds[Slot("Date", k)] = PayloadValueKind.DateTime;
        return kinds;
    }
}
