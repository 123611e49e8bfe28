using System;

namespace Impact.ApiSubmissions;

// The documented payload keys as typed properties: each property is named exactly as its key and reads it
// through its declaration in PayloadKeys, which gives its kind.
public sealed partial class SubmissionPayload
{
    // Event

    /// <summary><c>CampaignId</c>: The program (formerly campaign) the event was submitted to.</summary>
    /// <value>The id, a 64-bit whole number; null when the key is absent, empty or not a whole number (the text stays readable through the indexer). Setting null removes the key.</value>
    public long? CampaignId
    {
        get => Read(PayloadKeys.CampaignId);
        set => Write(PayloadKeys.CampaignId, value);
    }

    /// <summary><c>ActionTrackerId</c>: The event type id, under its former name (action tracker).</summary>
    /// <value>The id, a 64-bit whole number; null when the key is absent, empty or not a whole number (the text stays readable through the indexer). Setting null removes the key.</value>
    public long? ActionTrackerId
    {
        get => Read(PayloadKeys.ActionTrackerId);
        set => Write(PayloadKeys.ActionTrackerId, value);
    }

    /// <summary><c>EventTypeId</c>: The event type id.</summary>
    /// <value>The id, a 64-bit whole number; null when the key is absent, empty or not a whole number (the text stays readable through the indexer). Setting null removes the key.</value>
    public long? EventTypeId
    {
        get => Read(PayloadKeys.EventTypeId);
        set => Write(PayloadKeys.EventTypeId, value);
    }

    /// <summary><c>EventTypeCode</c>: The event type's code, e.g. <c>ACME_SALE</c>.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? EventTypeCode
    {
        get => Read(PayloadKeys.EventTypeCode);
        set => Write(PayloadKeys.EventTypeCode, value);
    }

    /// <summary><c>EventDate</c>: When the event happened, with the UTC offset it was sent with.</summary>
    /// <value>The date and time with its own offset; null when the key is absent or the value is not an ISO 8601 date and time with an offset (the text stays readable through the indexer). Setting null removes the key.</value>
    public DateTimeOffset? EventDate
    {
        get => Read(PayloadKeys.EventDate);
        set => Write(PayloadKeys.EventDate, value);
    }

    /// <summary><c>OrderId</c>: The order id, as text: leading zeros and length are kept.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? OrderId
    {
        get => Read(PayloadKeys.OrderId);
        set => Write(PayloadKeys.OrderId, value);
    }

    // Attribution keys

    /// <summary><c>ClickId</c>: The click id that referred the customer, decoded once: an id the submitter encoded twice keeps one layer of escapes.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? ClickId
    {
        get => Read(PayloadKeys.ClickId);
        set => Write(PayloadKeys.ClickId, value);
    }

    /// <summary><c>CustomerId</c>: The brand's own id for the customer.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerId
    {
        get => Read(PayloadKeys.CustomerId);
        set => Write(PayloadKeys.CustomerId, value);
    }

    /// <summary><c>CustomProfileId</c>: The brand's cross-device profile id for the customer.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomProfileId
    {
        get => Read(PayloadKeys.CustomProfileId);
        set => Write(PayloadKeys.CustomProfileId, value);
    }

    /// <summary><c>CustomClickId</c>: A click id the brand generated itself.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomClickId
    {
        get => Read(PayloadKeys.CustomClickId);
        set => Write(PayloadKeys.CustomClickId, value);
    }

    /// <summary><c>OrderPromoCode</c>: The promo code used on the order.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? OrderPromoCode
    {
        get => Read(PayloadKeys.OrderPromoCode);
        set => Write(PayloadKeys.OrderPromoCode, value);
    }

    /// <summary><c>PromoCode</c>: A promo code that attributes the event to a partner.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? PromoCode
    {
        get => Read(PayloadKeys.PromoCode);
        set => Write(PayloadKeys.PromoCode, value);
    }

    /// <summary><c>MediaId</c>: The partner's media (property) id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? MediaId
    {
        get => Read(PayloadKeys.MediaId);
        set => Write(PayloadKeys.MediaId, value);
    }

    /// <summary><c>MediaPartnerId</c>: The partner (formerly media partner) id.</summary>
    /// <value>The id, a 64-bit whole number; null when the key is absent, empty or not a whole number (the text stays readable through the indexer). Setting null removes the key.</value>
    public long? MediaPartnerId
    {
        get => Read(PayloadKeys.MediaPartnerId);
        set => Write(PayloadKeys.MediaPartnerId, value);
    }

    /// <summary><c>UniqueUrl</c>: The partner's unique URL that referred the customer.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? UniqueUrl
    {
        get => Read(PayloadKeys.UniqueUrl);
        set => Write(PayloadKeys.UniqueUrl, value);
    }

    /// <summary><c>CallerId</c>: The caller's phone number, for call tracking.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CallerId
    {
        get => Read(PayloadKeys.CallerId);
        set => Write(PayloadKeys.CallerId, value);
    }

    /// <summary><c>GoogAId</c>: The Google advertising id of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? GoogAId
    {
        get => Read(PayloadKeys.GoogAId);
        set => Write(PayloadKeys.GoogAId, value);
    }

    /// <summary><c>AndroidId</c>: The Android id of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AndroidId
    {
        get => Read(PayloadKeys.AndroidId);
        set => Write(PayloadKeys.AndroidId, value);
    }

    /// <summary><c>AppleIfa</c>: Apple's identifier for advertisers of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppleIfa
    {
        get => Read(PayloadKeys.AppleIfa);
        set => Write(PayloadKeys.AppleIfa, value);
    }

    /// <summary><c>AppleIfv</c>: Apple's identifier for vendors of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppleIfv
    {
        get => Read(PayloadKeys.AppleIfv);
        set => Write(PayloadKeys.AppleIfv, value);
    }

    /// <summary><c>SharedId</c>: An id shared with partners, e.g. a loyalty number.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? SharedId
    {
        get => Read(PayloadKeys.SharedId);
        set => Write(PayloadKeys.SharedId, value);
    }

    /// <summary><c>SubId1</c>: The partner's first sub-id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? SubId1
    {
        get => Read(PayloadKeys.SubId1);
        set => Write(PayloadKeys.SubId1, value);
    }

    /// <summary><c>SubId2</c>: The partner's second sub-id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? SubId2
    {
        get => Read(PayloadKeys.SubId2);
        set => Write(PayloadKeys.SubId2, value);
    }

    /// <summary><c>SubId3</c>: The partner's third sub-id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? SubId3
    {
        get => Read(PayloadKeys.SubId3);
        set => Write(PayloadKeys.SubId3, value);
    }

    // Customer

    /// <summary><c>CustomerEmail</c>: The customer's email address, usually sent as a hash.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerEmail
    {
        get => Read(PayloadKeys.CustomerEmail);
        set => Write(PayloadKeys.CustomerEmail, value);
    }

    /// <summary><c>CustomerStatus</c>: The customer's status, e.g. <c>NEW</c> or <c>RETURNING</c>.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerStatus
    {
        get => Read(PayloadKeys.CustomerStatus);
        set => Write(PayloadKeys.CustomerStatus, value);
    }

    /// <summary><c>CustomerCity</c>: The customer's city.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerCity
    {
        get => Read(PayloadKeys.CustomerCity);
        set => Write(PayloadKeys.CustomerCity, value);
    }

    /// <summary><c>CustomerPostCode</c>: The customer's post code, as text: leading zeros are kept.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerPostCode
    {
        get => Read(PayloadKeys.CustomerPostCode);
        set => Write(PayloadKeys.CustomerPostCode, value);
    }

    /// <summary><c>CustomerCountry</c>: The customer's country.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerCountry
    {
        get => Read(PayloadKeys.CustomerCountry);
        set => Write(PayloadKeys.CustomerCountry, value);
    }

    /// <summary><c>CustomerRegion</c>: The customer's region or state.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CustomerRegion
    {
        get => Read(PayloadKeys.CustomerRegion);
        set => Write(PayloadKeys.CustomerRegion, value);
    }

    /// <summary><c>IpAddress</c>: The customer's IP address, kept as sent whether or not it is a valid address.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? IpAddress
    {
        get => Read(PayloadKeys.IpAddress);
        set => Write(PayloadKeys.IpAddress, value);
    }

    /// <summary><c>UserAgent</c>: The customer's browser user agent.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? UserAgent
    {
        get => Read(PayloadKeys.UserAgent);
        set => Write(PayloadKeys.UserAgent, value);
    }

    // Order money

    /// <summary><c>CurrencyCode</c>: The ISO 4217 currency of every money value in the payload, e.g. <c>USD</c>.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CurrencyCode
    {
        get => Read(PayloadKeys.CurrencyCode);
        set => Write(PayloadKeys.CurrencyCode, value);
    }

    /// <summary><c>Amount</c>: The order's amount, for an event without items.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? Amount
    {
        get => Read(PayloadKeys.Amount);
        set => Write(PayloadKeys.Amount, value);
    }

    /// <summary><c>OrderDiscount</c>: The discount on the whole order.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderDiscount
    {
        get => Read(PayloadKeys.OrderDiscount);
        set => Write(PayloadKeys.OrderDiscount, value);
    }

    /// <summary><c>OrderSubTotalPostDiscount</c>: The order's subtotal after discounts.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderSubTotalPostDiscount
    {
        get => Read(PayloadKeys.OrderSubTotalPostDiscount);
        set => Write(PayloadKeys.OrderSubTotalPostDiscount, value);
    }

    /// <summary><c>OrderShipping</c>: The order's shipping cost.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderShipping
    {
        get => Read(PayloadKeys.OrderShipping);
        set => Write(PayloadKeys.OrderShipping, value);
    }

    /// <summary><c>OrderTax</c>: The order's tax.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderTax
    {
        get => Read(PayloadKeys.OrderTax);
        set => Write(PayloadKeys.OrderTax, value);
    }

    /// <summary><c>OrderMargin</c>: The order's margin.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderMargin
    {
        get => Read(PayloadKeys.OrderMargin);
        set => Write(PayloadKeys.OrderMargin, value);
    }

    /// <summary><c>OrderDiscountRate</c>: The discount on the whole order, as a rate.</summary>
    /// <value>The number, read with '.' as the decimal separator in any culture; null when the key is absent, empty or not a number (the text stays readable through the indexer). Setting null removes the key.</value>
    public decimal? OrderDiscountRate
    {
        get => Read(PayloadKeys.OrderDiscountRate);
        set => Write(PayloadKeys.OrderDiscountRate, value);
    }

    /// <summary><c>PaymentType</c>: How the order was paid, e.g. <c>VISA</c>.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? PaymentType
    {
        get => Read(PayloadKeys.PaymentType);
        set => Write(PayloadKeys.PaymentType, value);
    }

    /// <summary><c>GiftPurchase</c>: Whether the order was a gift.</summary>
    /// <value>True for <c>true</c> or <c>1</c>, false for <c>false</c> or <c>0</c> (any case); null when the key is absent or the value is anything else. Setting null removes the key.</value>
    public bool? GiftPurchase
    {
        get => Read(PayloadKeys.GiftPurchase);
        set => Write(PayloadKeys.GiftPurchase, value);
    }

    // Device and app

    /// <summary><c>DeviceMfr</c>: The manufacturer of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? DeviceMfr
    {
        get => Read(PayloadKeys.DeviceMfr);
        set => Write(PayloadKeys.DeviceMfr, value);
    }

    /// <summary><c>DeviceModel</c>: The model of the customer's device.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? DeviceModel
    {
        get => Read(PayloadKeys.DeviceModel);
        set => Write(PayloadKeys.DeviceModel, value);
    }

    /// <summary><c>PropertyId</c>: The id of the app or site (property) where the event happened.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? PropertyId
    {
        get => Read(PayloadKeys.PropertyId);
        set => Write(PayloadKeys.PropertyId, value);
    }

    /// <summary><c>AppPackage</c>: The app's package name or bundle id.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppPackage
    {
        get => Read(PayloadKeys.AppPackage);
        set => Write(PayloadKeys.AppPackage, value);
    }

    /// <summary><c>AppInstallRef</c>: The install referrer of the app.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppInstallRef
    {
        get => Read(PayloadKeys.AppInstallRef);
        set => Write(PayloadKeys.AppInstallRef, value);
    }

    /// <summary><c>AppVer</c>: The app's version.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? AppVer
    {
        get => Read(PayloadKeys.AppVer);
        set => Write(PayloadKeys.AppVer, value);
    }

    // Location

    /// <summary><c>LocationId</c>: The id of the store or location where the event happened.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? LocationId
    {
        get => Read(PayloadKeys.LocationId);
        set => Write(PayloadKeys.LocationId, value);
    }

    /// <summary><c>LocationName</c>: The name of the store or location.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? LocationName
    {
        get => Read(PayloadKeys.LocationName);
        set => Write(PayloadKeys.LocationName, value);
    }

    /// <summary><c>LocationType</c>: The kind of location, e.g. a store.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? LocationType
    {
        get => Read(PayloadKeys.LocationType);
        set => Write(PayloadKeys.LocationType, value);
    }

    // Calls

    /// <summary><c>PhoneNumber</c>: The phone number that was called.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? PhoneNumber
    {
        get => Read(PayloadKeys.PhoneNumber);
        set => Write(PayloadKeys.PhoneNumber, value);
    }

    /// <summary><c>CountryCode</c>: The country code of the call.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? CountryCode
    {
        get => Read(PayloadKeys.CountryCode);
        set => Write(PayloadKeys.CountryCode, value);
    }

    // Other

    /// <summary><c>TrackingConsent</c>: Whether the customer consented to tracking, as sent.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? TrackingConsent
    {
        get => Read(PayloadKeys.TrackingConsent);
        set => Write(PayloadKeys.TrackingConsent, value);
    }

    /// <summary><c>Note</c>: A free-text note on the event.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? Note
    {
        get => Read(PayloadKeys.Note);
        set => Write(PayloadKeys.Note, value);
    }

    /// <summary><c>DispositionCode</c>: The outcome code of a call or lead.</summary>
    /// <value>The value, decoded once; null when the key is absent. Setting null removes the key.</value>
    public string? DispositionCode
    {
        get => Read(PayloadKeys.DispositionCode);
        set => Write(PayloadKeys.DispositionCode, value);
    }
}
