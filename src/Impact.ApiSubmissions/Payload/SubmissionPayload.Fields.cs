using System;

namespace Impact.ApiSubmissions;

// The documented payload keys as typed properties: each property is named exactly as its key.
public sealed partial class SubmissionPayload
{
    // Event

    /// <summary><c>CampaignId</c>: The program (formerly campaign) the event was submitted to.</summary>
    /// <value>The whole number; null when the key is absent, empty or not a whole number (the text stays readable through the indexer). Setting null removes the key.</value>
    public int? CampaignId
    {
        get => GetInt32(nameof(CampaignId));
        set => SetOrRemove(nameof(CampaignId), value);
    }

    /// <summary><c>ActionTrackerId</c>: The event type id, under its former name (action tracker).</summary>
    /// <value>The whole number; null when the key is absent, empty or not a whole number (the text stays readable through the indexer). Setting null removes the key.</value>
    public int? ActionTrackerId
    {
        get => GetInt32(nameof(ActionTrackerId));
        set => SetOrRemove(nameof(ActionTrackerId), value);
    }

    /// <summary><c>EventTypeId</c>: The event type id.</summary>
    /// <value>The whole number; null when the key is absent, empty or not a whole number (the text stays readable through the indexer). Setting null removes the key.</value>
    public int? EventTypeId
    {
        get => GetInt32(nameof(EventTypeId));
        set => SetOrRemove(nameof(EventTypeId), value);
    }

    /// <summary><c>EventTypeCode</c>: The event type's code, e.g. <c>ACME_SALE</c>.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? EventTypeCode
    {
        get => this[nameof(EventTypeCode)];
        set => this[nameof(EventTypeCode)] = value;
    }

    /// <summary><c>EventDate</c>: When the event happened, with the UTC offset it was sent with.</summary>
    /// <value>The date and time with its own offset; null when the key is absent or the value is not an ISO 8601 date and time with an offset (the text stays readable through the indexer). Setting null removes the key.</value>
    public DateTimeOffset? EventDate
    {
        get => GetDateTimeOffset(nameof(EventDate));
        set => SetOrRemove(nameof(EventDate), value);
    }

    /// <summary><c>OrderId</c>: The order id, as text: leading zeros and length are kept.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? OrderId
    {
        get => this[nameof(OrderId)];
        set => this[nameof(OrderId)] = value;
    }

    // Attribution keys

    /// <summary><c>ClickId</c>: The click id that referred the customer, decoded once: an id the submitter encoded twice keeps one layer of escapes.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? ClickId
    {
        get => this[nameof(ClickId)];
        set => this[nameof(ClickId)] = value;
    }

    /// <summary><c>CustomerId</c>: The brand's own id for the customer.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerId
    {
        get => this[nameof(CustomerId)];
        set => this[nameof(CustomerId)] = value;
    }

    /// <summary><c>CustomProfileId</c>: The brand's cross-device profile id for the customer.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomProfileId
    {
        get => this[nameof(CustomProfileId)];
        set => this[nameof(CustomProfileId)] = value;
    }

    /// <summary><c>CustomClickId</c>: A click id the brand generated itself.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomClickId
    {
        get => this[nameof(CustomClickId)];
        set => this[nameof(CustomClickId)] = value;
    }

    /// <summary><c>OrderPromoCode</c>: The promo code used on the order.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? OrderPromoCode
    {
        get => this[nameof(OrderPromoCode)];
        set => this[nameof(OrderPromoCode)] = value;
    }

    /// <summary><c>PromoCode</c>: A promo code that attributes the event to a partner.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? PromoCode
    {
        get => this[nameof(PromoCode)];
        set => this[nameof(PromoCode)] = value;
    }

    /// <summary><c>MediaId</c>: The partner's media (property) id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? MediaId
    {
        get => this[nameof(MediaId)];
        set => this[nameof(MediaId)] = value;
    }

    /// <summary><c>MediaPartnerId</c>: The partner (formerly media partner) id.</summary>
    /// <value>The whole number; null when the key is absent, empty or not a whole number (the text stays readable through the indexer). Setting null removes the key.</value>
    public int? MediaPartnerId
    {
        get => GetInt32(nameof(MediaPartnerId));
        set => SetOrRemove(nameof(MediaPartnerId), value);
    }

    /// <summary><c>UniqueUrl</c>: The partner's unique URL that referred the customer.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? UniqueUrl
    {
        get => this[nameof(UniqueUrl)];
        set => this[nameof(UniqueUrl)] = value;
    }

    /// <summary><c>CallerId</c>: The caller's phone number, for call tracking.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CallerId
    {
        get => this[nameof(CallerId)];
        set => this[nameof(CallerId)] = value;
    }

    /// <summary><c>GoogAId</c>: The Google advertising id of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? GoogAId
    {
        get => this[nameof(GoogAId)];
        set => this[nameof(GoogAId)] = value;
    }

    /// <summary><c>AndroidId</c>: The Android id of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AndroidId
    {
        get => this[nameof(AndroidId)];
        set => this[nameof(AndroidId)] = value;
    }

    /// <summary><c>AppleIfa</c>: Apple's identifier for advertisers of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppleIfa
    {
        get => this[nameof(AppleIfa)];
        set => this[nameof(AppleIfa)] = value;
    }

    /// <summary><c>AppleIfv</c>: Apple's identifier for vendors of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppleIfv
    {
        get => this[nameof(AppleIfv)];
        set => this[nameof(AppleIfv)] = value;
    }

    /// <summary><c>SharedId</c>: An id shared with partners, e.g. a loyalty number.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? SharedId
    {
        get => this[nameof(SharedId)];
        set => this[nameof(SharedId)] = value;
    }

    /// <summary><c>SubId1</c>: The partner's first sub-id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? SubId1
    {
        get => this[nameof(SubId1)];
        set => this[nameof(SubId1)] = value;
    }

    /// <summary><c>SubId2</c>: The partner's second sub-id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? SubId2
    {
        get => this[nameof(SubId2)];
        set => this[nameof(SubId2)] = value;
    }

    /// <summary><c>SubId3</c>: The partner's third sub-id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? SubId3
    {
        get => this[nameof(SubId3)];
        set => this[nameof(SubId3)] = value;
    }

    // Customer

    /// <summary><c>CustomerEmail</c>: The customer's email address, usually sent as a hash.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerEmail
    {
        get => this[nameof(CustomerEmail)];
        set => this[nameof(CustomerEmail)] = value;
    }

    /// <summary><c>CustomerStatus</c>: The customer's status, e.g. <c>NEW</c> or <c>RETURNING</c>.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerStatus
    {
        get => this[nameof(CustomerStatus)];
        set => this[nameof(CustomerStatus)] = value;
    }

    /// <summary><c>CustomerCity</c>: The customer's city.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerCity
    {
        get => this[nameof(CustomerCity)];
        set => this[nameof(CustomerCity)] = value;
    }

    /// <summary><c>CustomerPostCode</c>: The customer's post code, as text: leading zeros are kept.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerPostCode
    {
        get => this[nameof(CustomerPostCode)];
        set => this[nameof(CustomerPostCode)] = value;
    }

    /// <summary><c>CustomerCountry</c>: The customer's country.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerCountry
    {
        get => this[nameof(CustomerCountry)];
        set => this[nameof(CustomerCountry)] = value;
    }

    /// <summary><c>CustomerRegion</c>: The customer's region or state.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerRegion
    {
        get => this[nameof(CustomerRegion)];
        set => this[nameof(CustomerRegion)] = value;
    }

    /// <summary><c>IpAddress</c>: The customer's IP address, kept as sent whether or not it is a valid address.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? IpAddress
    {
        get => this[nameof(IpAddress)];
        set => this[nameof(IpAddress)] = value;
    }

    /// <summary><c>UserAgent</c>: The customer's browser user agent.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? UserAgent
    {
        get => this[nameof(UserAgent)];
        set => this[nameof(UserAgent)] = value;
    }

    // Order money

    /// <summary><c>CurrencyCode</c>: The ISO 4217 currency of every money value in the payload, e.g. <c>USD</c>.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CurrencyCode
    {
        get => this[nameof(CurrencyCode)];
        set => this[nameof(CurrencyCode)] = value;
    }

    /// <summary><c>Amount</c>: The order's amount, for an event without items.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? Amount
    {
        get => GetDecimal(nameof(Amount));
        set => SetOrRemove(nameof(Amount), value);
    }

    /// <summary><c>OrderDiscount</c>: The discount on the whole order.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderDiscount
    {
        get => GetDecimal(nameof(OrderDiscount));
        set => SetOrRemove(nameof(OrderDiscount), value);
    }

    /// <summary><c>OrderSubTotalPostDiscount</c>: The order's subtotal after discounts.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderSubTotalPostDiscount
    {
        get => GetDecimal(nameof(OrderSubTotalPostDiscount));
        set => SetOrRemove(nameof(OrderSubTotalPostDiscount), value);
    }

    /// <summary><c>OrderShipping</c>: The order's shipping cost.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderShipping
    {
        get => GetDecimal(nameof(OrderShipping));
        set => SetOrRemove(nameof(OrderShipping), value);
    }

    /// <summary><c>OrderTax</c>: The order's tax.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderTax
    {
        get => GetDecimal(nameof(OrderTax));
        set => SetOrRemove(nameof(OrderTax), value);
    }

    /// <summary><c>OrderMargin</c>: The order's margin.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderMargin
    {
        get => GetDecimal(nameof(OrderMargin));
        set => SetOrRemove(nameof(OrderMargin), value);
    }

    /// <summary><c>OrderDiscountRate</c>: The discount on the whole order, as a rate.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderDiscountRate
    {
        get => GetDecimal(nameof(OrderDiscountRate));
        set => SetOrRemove(nameof(OrderDiscountRate), value);
    }

    /// <summary><c>PaymentType</c>: How the order was paid, e.g. <c>VISA</c>.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? PaymentType
    {
        get => this[nameof(PaymentType)];
        set => this[nameof(PaymentType)] = value;
    }

    /// <summary><c>GiftPurchase</c>: Whether the order was a gift.</summary>
    /// <value>True for <c>true</c> or <c>1</c>, false for <c>false</c> or <c>0</c> (any case); null when the key is absent or the value is anything else. Setting null removes the key.</value>
    public bool? GiftPurchase
    {
        get => GetBoolean(nameof(GiftPurchase));
        set => SetOrRemove(nameof(GiftPurchase), value);
    }

    // Device and app

    /// <summary><c>DeviceMfr</c>: The manufacturer of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? DeviceMfr
    {
        get => this[nameof(DeviceMfr)];
        set => this[nameof(DeviceMfr)] = value;
    }

    /// <summary><c>DeviceModel</c>: The model of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? DeviceModel
    {
        get => this[nameof(DeviceModel)];
        set => this[nameof(DeviceModel)] = value;
    }

    /// <summary><c>PropertyId</c>: The id of the app or site (property) where the event happened.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? PropertyId
    {
        get => this[nameof(PropertyId)];
        set => this[nameof(PropertyId)] = value;
    }

    /// <summary><c>AppPackage</c>: The app's package name or bundle id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppPackage
    {
        get => this[nameof(AppPackage)];
        set => this[nameof(AppPackage)] = value;
    }

    /// <summary><c>AppInstallRef</c>: The install referrer of the app.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppInstallRef
    {
        get => this[nameof(AppInstallRef)];
        set => this[nameof(AppInstallRef)] = value;
    }

    /// <summary><c>AppVer</c>: The app's version.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppVer
    {
        get => this[nameof(AppVer)];
        set => this[nameof(AppVer)] = value;
    }

    // Location

    /// <summary><c>LocationId</c>: The id of the store or location where the event happened.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? LocationId
    {
        get => this[nameof(LocationId)];
        set => this[nameof(LocationId)] = value;
    }

    /// <summary><c>LocationName</c>: The name of the store or location.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? LocationName
    {
        get => this[nameof(LocationName)];
        set => this[nameof(LocationName)] = value;
    }

    /// <summary><c>LocationType</c>: The kind of location, e.g. a store.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? LocationType
    {
        get => this[nameof(LocationType)];
        set => this[nameof(LocationType)] = value;
    }

    // Calls

    /// <summary><c>PhoneNumber</c>: The phone number that was called.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? PhoneNumber
    {
        get => this[nameof(PhoneNumber)];
        set => this[nameof(PhoneNumber)] = value;
    }

    /// <summary><c>CountryCode</c>: The country code of the call.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CountryCode
    {
        get => this[nameof(CountryCode)];
        set => this[nameof(CountryCode)] = value;
    }

    // Other

    /// <summary><c>TrackingConsent</c>: Whether the customer consented to tracking, as sent.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? TrackingConsent
    {
        get => this[nameof(TrackingConsent)];
        set => this[nameof(TrackingConsent)] = value;
    }

    /// <summary><c>Note</c>: A free-text note on the event.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? Note
    {
        get => this[nameof(Note)];
        set => this[nameof(Note)] = value;
    }

    /// <summary><c>DispositionCode</c>: The outcome code of a call or lead.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? DispositionCode
    {
        get => this[nameof(DispositionCode)];
        set => this[nameof(DispositionCode)] = value;
    }
}
