using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Tests.Contracts;

// The stubs of POST /Advertisers/{AccountSID}/Conversions (SubmitConversion), bodies taken from the mock server.
internal static partial class ContractStubCatalog
{
    public static readonly string ConversionsPath = $"/Advertisers/{AccountSid}/Conversions";

    /// <summary>The conversion the 200 stub's body answers (any form body with the credentials gets that answer).</summary>
    public const string Conversion =
        "CampaignId=1000&EventTypeId=4000&EventDate=2025-06-15T11:58:02-07:00&OrderId=4440001112223&ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36FUkiXxtxVUQTEzY0"
        + "&CurrencyCode=USD&ItemSku1=12345&ItemName1=Anvil&ItemQuantity1=1&ItemPrice1=10";

    /// <summary>A conversion without OrderId, event type or attribution key, whose 400 lists each problem.</summary>
    public const string InvalidConversion = "CampaignId=1000&EventDate=2025-06-15T11:58:02-07:00&CurrencyCode=USD";

    private static async Task AddConversionStubsAsync(SortedDictionary<string, JObject> stubs, Dictionary<int, JToken> errors)
    {
        JToken queued;
        JToken rejected;
        using (var server = ImpactMockServer.Start(Options))
        using (var http = server.CreateHttpClient())
        {
            queued = await PostAsync(http, Conversion, 200);
            rejected = await PostAsync(http, InvalidConversion, 400);
        }

        stubs["SubmitConversion.200.json"] = Mapping(
            "SubmitConversion.200", "SubmitConversion 200: any form-encoded conversion with the credentials is queued", 10,
            ConversionRequest(authorized: true), 200, Allowed(), queued);

        foreach (var code in ErrorCodesOf("SubmitConversion"))
        {
            var request = ConversionRequest(authorized: false);
            request["Headers"] = new JArray(Matched(StatusSelector, Exact(code.ToString(CultureInfo.InvariantCulture))));
            stubs[$"SubmitConversion.{code}.json"] = Mapping(
                $"SubmitConversion.{code}", $"SubmitConversion {code}: selected by the {StatusSelector} request header", 1,
                request, code, code == 429 ? Limited() : Json(), code == 400 ? rejected : errors[code]);
        }

        stubs["SubmitConversion.401.missing-credentials.json"] = Mapping(
            "SubmitConversion.401.missing-credentials", "SubmitConversion 401: any request no other stub answers (missing or wrong credentials)", 100,
            ConversionRequest(authorized: false), 401, Json(), errors[401]);
    }

    private static JObject ConversionRequest(bool authorized)
    {
        var request = new JObject
        {
            ["Path"] = new JObject { ["Matchers"] = new JArray(Exact(ConversionsPath)) },
            ["Methods"] = new JArray("POST"),
        };
        if (authorized)
        {
            request["Headers"] = new JArray(
                Matched("Authorization", Exact(Authorization)),
                Matched("Content-Type", new JObject { ["Name"] = "WildcardMatcher", ["Pattern"] = "application/x-www-form-urlencoded*" }));
        }

        return request;
    }

    private static async Task<JToken> PostAsync(HttpClient http, string form, int expected)
    {
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync(ConversionsPath.TrimStart('/'), content);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
        {
            throw new HttpRequestException($"Expected {expected} from POST {ConversionsPath}, got {(int)response.StatusCode}: {text}");
        }

        return MockHttp.ParseToken(text);
    }
}
