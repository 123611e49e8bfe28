using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Testing;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Tests.MockServer;

/// <summary>Plain-HTTP helpers for talking to the mock server in tests.</summary>
internal static class MockHttp
{
    public static string ListPath(this ImpactMockServer server, int? page = null, int? pageSize = null)
    {
        var query = string.Join("&", new[] { page is null ? null : $"Page={page}", pageSize is null ? null : $"PageSize={pageSize}" }.Where(p => p is not null));
        return $"/Advertisers/{server.AccountSid}/APISubmissions" + (query.Length > 0 ? "?" + query : string.Empty);
    }

    public static string GetPath(this ImpactMockServer server, string batchId) =>
        $"/Advertisers/{server.AccountSid}/APISubmissions/{Uri.EscapeDataString(batchId)}";

    public static async Task<JObject> GetJsonAsync(this HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(pathAndQuery.TrimStart('/'));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} for {pathAndQuery}: {text}");
        }

        return Parse(text);
    }

    /// <summary>Parses JSON keeping strings as strings (dates included), as the wire has them.</summary>
    public static JObject Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static JToken ParseToken(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.Load(reader);
    }

    /// <summary>Asserts two JSON documents are equal member by member (order of members ignored).</summary>
    public static void ShouldEqualJson(this JToken actual, JToken expected)
    {
        if (!JToken.DeepEquals(actual, expected))
        {
            throw new Xunit.Sdk.XunitException($"JSON differs.\nExpected: {expected.ToString(Newtonsoft.Json.Formatting.None)}\nActual:   {actual.ToString(Newtonsoft.Json.Formatting.None)}");
        }
    }

    public static void ShouldEqualJson(this JToken actual, string expected) => actual.ShouldEqualJson(ParseToken(expected));
}
