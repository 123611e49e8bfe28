using System.Linq;

namespace Impact.ApiSubmissions.Tests.Payload;

internal static class Samples
{
    /// <summary>The payload of the reference page's example submission, as the service returns it.</summary>
    public const string Reference =
        "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=1234567890123"
        + "&ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36FUkiXxtxVUQTEzY0&CustomerId=BCZ2WVSH674563PDPYOTM3AXDQ"
        + "&OrderPromoCode=10OFF-FORGE&CustomerStatus=NEW&CustomerPostCode=93107&CurrencyCode=USD&OrderDiscount=5"
        + "&IpAddress=12.345.678.90&ItemSku1=12345&ItemName1=Anvil&ItemCategory1=Anvils&ItemQuantity1=2&ItemPrice1=10"
        + "&ItemSku2=55555&ItemName2=Hammer&ItemCategory2=Hammers&ItemQuantity2=1&ItemPrice2=6.99";

    public static (string Key, string Value)[] Pairs(this SubmissionPayload payload) =>
        payload.Fields.Select(f => (f.Key, f.Value)).ToArray();
}
