using System;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Web;
using BenchmarkDotNet.Attributes;

namespace Impact.ApiSubmissions.Benchmarks;

/// <summary>
/// Parsing the reference page's payload and reading its typed fields: SubmissionPayload against the usual
/// hand-written alternative, HttpUtility.ParseQueryString plus long/int/decimal/DateTimeOffset parsing of the same fields.
/// </summary>
[MemoryDiagnoser]
public class PayloadBenchmarks
{
    public const string Reference =
        "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=1234567890123"
        + "&ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36FUkiXxtxVUQTEzY0&CustomerId=BCZ2WVSH674563PDPYOTM3AXDQ"
        + "&OrderPromoCode=10OFF-FORGE&CustomerStatus=NEW&CustomerPostCode=93107&CurrencyCode=USD&OrderDiscount=5"
        + "&IpAddress=12.345.678.90&ItemSku1=12345&ItemName1=Anvil&ItemCategory1=Anvils&ItemQuantity1=2&ItemPrice1=10"
        + "&ItemSku2=55555&ItemName2=Hammer&ItemCategory2=Hammers&ItemQuantity2=1&ItemPrice2=6.99";

    private readonly ItemKeys _keys = new(8);

    [GlobalSetup]
    public void CheckBothReadTheSameValues()
    {
        long expected = HttpUtilityParseQueryString();
        long actual = SubmissionPayloadParse();
        if (expected != actual)
        {
            throw new InvalidOperationException($"The two ways read different values: {expected} and {actual}.");
        }
    }

    /// <summary>The usual hand-written way, written well: keys built once, invariant culture.</summary>
    [Benchmark(Baseline = true, Description = "HttpUtility.ParseQueryString + long/int/decimal/DateTimeOffset.Parse")]
    public long HttpUtilityParseQueryString()
    {
        NameValueCollection query = HttpUtility.ParseQueryString(Reference);
        long sum = long.Parse(query["CampaignId"]!, CultureInfo.InvariantCulture)
            + long.Parse(query["EventTypeId"]!, CultureInfo.InvariantCulture)
            + DateTimeOffset.Parse(query["EventDate"]!, CultureInfo.InvariantCulture).UtcTicks
            + query["OrderId"]!.Length
            + query["ClickId"]!.Length
            + query["CurrencyCode"]!.Length
            + Cents(decimal.Parse(query["OrderDiscount"]!, NumberStyles.Number, CultureInfo.InvariantCulture));
        for (int i = 0; i < _keys.Count; i++)
        {
            string? sku = query[_keys.Sku[i]];
            if (sku is null)
            {
                break;
            }

            sum += sku.Length
                + int.Parse(query[_keys.Quantity[i]]!, CultureInfo.InvariantCulture)
                + Cents(decimal.Parse(query[_keys.Price[i]]!, NumberStyles.Number, CultureInfo.InvariantCulture));
        }

        return sum;
    }

    [Benchmark(Description = "SubmissionPayload.Parse + typed properties")]
    public long SubmissionPayloadParse()
    {
        var payload = SubmissionPayload.Parse(Reference);
        long sum = payload.CampaignId!.Value
            + payload.EventTypeId!.Value
            + payload.EventDate!.Value.UtcTicks
            + payload.OrderId!.Length
            + payload.ClickId!.Length
            + payload.CurrencyCode!.Length
            + Cents(payload.OrderDiscount!.Value);
        foreach (var item in payload.Items)
        {
            sum += item.Sku!.Length + item.Quantity!.Value + Cents(item.Price!.Value);
        }

        return sum;
    }

    private static long Cents(decimal amount) => (long)(amount * 100);
}

/// <summary>
/// Payloads of 10, 100 and 1,000 items (5 keys each, plus 5 order keys): parsing and reading every item's
/// quantity and price should take time in proportion to the payload's length.
/// </summary>
[MemoryDiagnoser]
public class PayloadScalingBenchmarks
{
    private string _payload = string.Empty;
    private ItemKeys _keys = new(0);

    [Params(10, 100, 1000)]
    public int ItemCount { get; set; }

    [GlobalSetup]
    public void BuildPayload()
    {
        var text = new StringBuilder(
            "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=1234567890123&CurrencyCode=USD");
        for (int i = 1; i <= ItemCount; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"&ItemSku{i}=SKU-{i:D6}&ItemName{i}=Anvil+No.+{i}&ItemCategory{i}=Anvils");
            text.Append(CultureInfo.InvariantCulture, $"&ItemQuantity{i}={(i % 5) + 1}&ItemPrice{i}={i % 100}.99");
        }

        _payload = text.ToString();
        _keys = new ItemKeys(ItemCount + 1);
        if (HttpUtilityParseQueryString() != SubmissionPayloadParse())
        {
            throw new InvalidOperationException("The two ways read different totals.");
        }
    }

    [Benchmark(Baseline = true, Description = "HttpUtility.ParseQueryString + parsing, per item")]
    public decimal HttpUtilityParseQueryString()
    {
        NameValueCollection query = HttpUtility.ParseQueryString(_payload);
        decimal total = 0;
        for (int i = 0; i < _keys.Count; i++)
        {
            string? quantity = query[_keys.Quantity[i]];
            if (quantity is null)
            {
                break;
            }

            total += int.Parse(quantity, CultureInfo.InvariantCulture)
                * decimal.Parse(query[_keys.Price[i]]!, NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        return total;
    }

    [Benchmark(Description = "SubmissionPayload.Parse + Items")]
    public decimal SubmissionPayloadParse()
    {
        decimal total = 0;
        foreach (var item in SubmissionPayload.Parse(_payload).Items)
        {
            total += item.Quantity!.Value * item.Price!.Value;
        }

        return total;
    }
}

/// <summary>The item keys the hand-written way looks up, built once so the baseline pays no concatenation.</summary>
internal sealed class ItemKeys
{
    public ItemKeys(int count)
    {
        Count = count;
        Sku = Keys("ItemSku", count);
        Quantity = Keys("ItemQuantity", count);
        Price = Keys("ItemPrice", count);
    }

    public int Count { get; }

    public string[] Sku { get; }

    public string[] Quantity { get; }

    public string[] Price { get; }

    private static string[] Keys(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
}
