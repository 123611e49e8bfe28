using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>
/// Describes every stub in tests/contracts/mappings and takes each response body from the mock server,
/// so the standalone stubs answer exactly what <see cref="ImpactMockServer"/> answers.
/// </summary>
internal static partial class ContractStubCatalog
{
    public const string AccountSid = "IRExampleSid1";
    public const string AuthToken = "ExampleAuthToken";
    public const string StatusSelector = "X-Mock-Status";
    public const int PageSize = 3;

    public static readonly string Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountSid + ":" + AuthToken));

    public static readonly string ListPath = $"/Advertisers/{AccountSid}/APISubmissions";

    /// <summary>The error statuses the spec declares for each operation: every one gets a stub.</summary>
    public static IReadOnlyList<int> ErrorCodesOf(string operationId) => SpecOperations.Find(operationId).Operation.Responses.Keys
        .Select(code => int.Parse(code, CultureInfo.InvariantCulture))
        .Where(code => code >= 400)
        .OrderBy(code => code)
        .ToList();

    /// <summary>The error statuses any operation declares.</summary>
    public static IReadOnlyList<int> ErrorCodes => SpecOperations.All.SelectMany(o => ErrorCodesOf(o.OperationId)).Distinct().OrderBy(c => c).ToList();

    // A get has no parameter to get wrong, so its 400 carries no field errors.
    private const int BadRequestWithoutFields = -400;

    /// <summary>The submissions the stubs serve, in list order: four settled ones, then one that progresses.</summary>
    public static readonly (string Case, ApiSubmissionBuilder Builder)[] Submissions =
    {
        ("complete-contract-error", new ApiSubmissionBuilder()
            .WithBatchId("A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l")
            .WithSubmissionDate(new DateTimeOffset(2025, 6, 10, 9, 50, 12, TimeSpan.FromHours(-7)))
            .WithCompletionDate(new DateTimeOffset(2025, 6, 10, 10, 11, 15, TimeSpan.FromHours(-7)))
            .WithOrderId("1234567890123")
            .WithPayload("CampaignId=1000&EventTypeId=4000&EventDate=2025-06-10T09:49:24-07:00&OrderId=1234567890123&ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36FUkiXxtxVUQTEzY0&CustomerId=BCZ2WVSH674563PDPYOTM3AXDQ&OrderPromoCode=10OFF-FORGE&CustomerStatus=NEW&CustomerPostCode=93107&CurrencyCode=USD&OrderDiscount=5&IpAddress=12.345.678.90&ItemSku1=12345&ItemName1=Anvil&ItemCategory1=Anvils&ItemQuantity1=2&ItemPrice1=10&ItemSku2=55555&ItemName2=Hammer&ItemCategory2=Hammers&ItemQuantity2=1&ItemPrice2=6.99")
            .WithErrors("Contract Error", "CONTRACT_NOT_FOUND", "RESTRICTED_PROMOCODE")),
        ("complete", new ApiSubmissionBuilder()
            .WithBatchId("A-f6675c69-4a69-4c04-8a1d-3f2eb7a6754e")
            .WithSubmissionDate(new DateTimeOffset(2025, 6, 11, 14, 2, 40, TimeSpan.FromHours(-7)))
            .WithMediaPartnerId(10042)
            .WithEventCode(null)
            .WithOrderId("0098765432100")
            .WithPayload(new PayloadBuilder()
                .Set("CampaignId", "1000").Set("EventTypeId", "4000").Set("EventDate", "2025-06-11T14:01:58-07:00")
                .Set("OrderId", "0098765432100").Set("CurrencyCode", "USD")
                .AddItem("20011", "Rocket Skates", "Transport", 1, 149.95m)
                .AddItem("70002", "Nuts & Bolts, assorted", "Hardware", 4, 2.25m))),
        ("complete-validation", new ApiSubmissionBuilder()
            .WithBatchId("A-0c4e9a7b-2d1f-4e8a-9b3c-5d6e7f8a9b0c")
            .WithSubmissionDate(new DateTimeOffset(2025, 6, 12, 8, 15, 0, TimeSpan.FromHours(-7)))
            .WithCampaignId(1002)
            .WithActionTrackerId(4200)
            .WithEventCode("ROADRUNNER_SALE")
            .WithOrderId("5550001112223")
            .WithPayload("CampaignId=1002&EventTypeCode=ROADRUNNER_SALE&EventDate=2025-06-12T08:14:41-07:00&OrderId=5550001112223&CurrencyCode=USD")
            .WithErrors("Validation", "NO_ITEM")),
        ("modification", new ApiSubmissionBuilder()
            .WithBatchId("A-7m2k9x4p-3q8r-5t1v-6w0y-2z4b6d8f0h1j")
            .WithSubmissionDate(new DateTimeOffset(2025, 6, 13, 17, 30, 5, TimeSpan.FromHours(-7)))
            .WithType(SubmissionType.Modification)
            .WithOrderId("1234567890123")
            .WithPayload(new PayloadBuilder()
                .Set("CampaignId", "1000").Set("ActionTrackerId", "4000").Set("ActionId", "1000.4000.7654321")
                .Set("OrderId", "1234567890123").Set("Reason", "ITEM_RETURNED")
                .AddItem("12345", "Anvil", "Anvils", 1, 10m))),
    };

    public static readonly ApiSubmissionBuilder Progressing = new ApiSubmissionBuilder()
        .WithBatchId("A-9d8c7b6a-5f4e-3d2c-1b0a-9f8e7d6c5b4a")
        .WithSubmissionDate(new DateTimeOffset(2025, 6, 15, 11, 55, 0, TimeSpan.FromHours(-7)))
        .WithOrderId("7770003334445");

    private static ImpactMockServerOptions Options => new()
    {
        AccountSid = AccountSid,
        AuthToken = AuthToken,
        SubmissionCount = 0,
        FtpFileSubmissionCount = 0,
        Now = new DateTimeOffset(2025, 6, 15, 12, 0, 0, TimeSpan.FromHours(-7)),
    };

    /// <summary>Every stub, by file name.</summary>
    public static async Task<SortedDictionary<string, JObject>> BuildAsync()
    {
        var stubs = new SortedDictionary<string, JObject>(StringComparer.Ordinal);
        using (var server = ImpactMockServer.Start(Options))
        using (var http = server.CreateHttpClient())
        {
            foreach (var (_, builder) in Submissions)
            {
                server.Add(builder);
            }

            server.AddProgressingSubmission(Progressing);
            for (var page = 1; page <= 2; page++)
            {
                var body = await http.GetJsonAsync($"{ListPath}?Page={page}&PageSize={PageSize}");
                var request = Request(Exact(ListPath), authorized: true);
                if (page > 1)
                {
                    request["Params"] = new JArray(Matched("Page", Exact(page.ToString(CultureInfo.InvariantCulture))));
                }

                stubs[$"ListApiSubmissions.200.page-{page}.json"] = Mapping(
                    $"ListApiSubmissions.200.page-{page}", $"ListApiSubmissions 200: page {page} of 2, {PageSize} a page", 10 - page, request, 200, Allowed(), body);
            }

            foreach (var (name, builder) in Submissions)
            {
                var batchId = builder.Build().BatchId!;
                stubs[$"GetApiSubmission.200.{name}.json"] = Mapping(
                    $"GetApiSubmission.200.{name}", $"GetApiSubmission 200: {name}", 10,
                    Request(Exact($"{ListPath}/{batchId}"), authorized: true), 200, Allowed(), await http.GetJsonAsync($"{ListPath}/{batchId}"));
            }

        }

        // The gets of a progressing submission, from its first read: on a server of its own, since a list page that
        // shows it moves it on too.
        using (var server = ImpactMockServer.Start(Options))
        using (var http = server.CreateHttpClient())
        {
            server.AddProgressingSubmission(Progressing);
            await AddProgressionStubsAsync(stubs, http, "GetApiSubmission", "progressing submission", $"{ListPath}/{Progressing.Build().BatchId}", "Progressing submission");
        }

        var errors = await ErrorBodiesAsync();
        await AddConversionStubsAsync(stubs, errors);
        await AddFtpStubsAsync(stubs, errors);
        AddErrorStubs(stubs, errors, "ListApiSubmissions", "^/Advertisers/[^/]+/APISubmissions$", badRequestNamesNoField: false);
        AddErrorStubs(stubs, errors, "GetApiSubmission", "^/Advertisers/[^/]+/APISubmissions/[^/]+$", badRequestNamesNoField: true);

        stubs["GetApiSubmission.404.unknown-batch-id.json"] = Mapping(
            "GetApiSubmission.404.unknown-batch-id", "GetApiSubmission 404: a BatchId no other stub knows", 50,
            Request(Regex($"^{ListPath}/[^/]+$"), authorized: true), 404, Json(), errors[404]);
        return stubs;
    }

    // Each error as the mock server answers it, provoked the way a client meets it where the server can.
    private static async Task<Dictionary<int, JToken>> ErrorBodiesAsync()
    {
        using var server = ImpactMockServer.Start(Options);
        using var http = server.CreateHttpClient();
        using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };

        async Task<JToken> Body(HttpClient client, string path, int expected)
        {
            using var response = await client.GetAsync(path.TrimStart('/'));
            if ((int)response.StatusCode != expected)
            {
                throw new InvalidOperationException($"Expected {expected} from {path}, got {(int)response.StatusCode}.");
            }

            return MockHttp.ParseToken(await response.Content.ReadAsStringAsync());
        }

        var bodies = new Dictionary<int, JToken>
        {
            [400] = await Body(http, $"{ListPath}?PageSize=abc", 400),
            [401] = await Body(anonymous, ListPath, 401),
            [404] = await Body(http, $"{ListPath}/A-unknown", 404),
        };
        server.FailNext(1, HttpStatusCode.BadRequest);
        bodies[BadRequestWithoutFields] = await Body(http, $"{ListPath}/A-any", 400);
        server.RateLimitAfter(0, TimeSpan.FromHours(1));
        bodies[429] = await Body(http, ListPath, 429);
        server.UseScopedTokenMode();
        bodies[403] = await Body(http, ListPath, 403);

        // Any other status the spec declares (5xx, 402, 405, one added later): the mock's injected failure.
        using var failing = ImpactMockServer.Start(Options);
        using var failingHttp = failing.CreateHttpClient();
        foreach (var code in ErrorCodes.Where(c => !bodies.ContainsKey(c)))
        {
            failing.FailNext(1, (HttpStatusCode)code);
            bodies[code] = await Body(failingHttp, ListPath, code);
        }

        return bodies;
    }

    private static JObject Mapping(string key, string title, int priority, JObject request, int status, JObject headers, JToken body) => new()
    {
        ["Guid"] = StableGuid(key),
        ["Title"] = title,
        ["Priority"] = priority,
        ["Request"] = request,
        ["Response"] = new JObject
        {
            ["StatusCode"] = status,
            ["Headers"] = headers,
            ["BodyAsJson"] = body,
        },
    };

    private static JObject Request(JObject path, bool authorized)
    {
        var request = new JObject
        {
            ["Path"] = new JObject { ["Matchers"] = new JArray(path) },
            ["Methods"] = new JArray("GET"),
        };
        if (authorized)
        {
            request["Headers"] = new JArray(Matched("Authorization", Exact(Authorization)));
        }

        return request;
    }

    private static JObject Matched(string name, JObject matcher) => new() { ["Name"] = name, ["Matchers"] = new JArray(matcher) };

    private static JObject Exact(string pattern) => new() { ["Name"] = "ExactMatcher", ["Pattern"] = pattern };

    private static JObject Regex(string pattern) => new() { ["Name"] = "RegexMatcher", ["Pattern"] = pattern };

    private static JObject Json() => new() { ["Content-Type"] = "application/json; charset=utf-8" };

    private static JObject Allowed()
    {
        var headers = Json();
        headers["X-RateLimit-Limit"] = "1000";
        headers["X-RateLimit-Remaining"] = "999";
        headers["X-RateLimit-Reset"] = "3600";
        return headers;
    }

    private static JObject Limited()
    {
        var headers = Json();
        headers["X-RateLimit-Limit"] = "1000";
        headers["X-RateLimit-Remaining"] = "0";
        headers["X-RateLimit-Reset"] = "3600";
        headers["Retry-After"] = "3600";
        return headers;
    }

    private static string StableGuid(string key) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("impact-contract-stub:" + key)).AsSpan(0, 16)).ToString();

    /// <summary>
    /// One stub per error status the spec declares for an operation (selected by the status header), and the 401
    /// that answers any request no other stub does. A get with no parameter to get wrong answers a 400 naming no field.
    /// </summary>
    private static void AddErrorStubs(SortedDictionary<string, JObject> stubs, Dictionary<int, JToken> errors, string operationId, string pathPattern, bool badRequestNamesNoField)
    {
        foreach (var code in ErrorCodesOf(operationId))
        {
            var request = Request(Regex(pathPattern), authorized: false);
            request["Headers"] = new JArray(Matched(StatusSelector, Exact(code.ToString(CultureInfo.InvariantCulture))));
            var body = code == 400 && badRequestNamesNoField ? errors[BadRequestWithoutFields] : errors[code];
            stubs[$"{operationId}.{code}.json"] = Mapping(
                $"{operationId}.{code}", $"{operationId} {code}: selected by the {StatusSelector} request header", 1,
                request, code, code == 429 ? Limited() : Json(), body);
        }

        stubs[$"{operationId}.401.missing-credentials.json"] = Mapping(
            $"{operationId}.401.missing-credentials", $"{operationId} 401: any request no other stub answers (missing or wrong credentials)", 100,
            Request(Regex(pathPattern), authorized: false), 401, Json(), errors[401]);
    }

    // A record that moves Queued -> In Progress -> Complete as it is read: one stub per stage, chained by a WireMock
    // scenario. The mapping without WhenStateIs answers first and each moves the state on; the last keeps it, or
    // WireMock would start the scenario over.
    private static async Task AddProgressionStubsAsync(SortedDictionary<string, JObject> stubs, HttpClient http, string operationId, string what, string path, string scenario)
    {
        var stages = new[] { ("1-queued", (string?)null, "In Progress"), ("2-in-progress", "In Progress", "Complete"), ("3-complete", "Complete", "Complete") };
        foreach (var (stage, whenStateIs, setStateTo) in stages)
        {
            var mapping = Mapping(
                $"{operationId}.200.progressing-{stage}", $"{operationId} 200: {what}, get {stage[0]} ({stage.Substring(2)})", 10,
                Request(Exact(path), authorized: true), 200, Allowed(), await http.GetJsonAsync(path));
            mapping.Property("Priority")!.AddAfterSelf(new[]
            {
                new JProperty("Scenario", scenario),
                new JProperty("WhenStateIs", whenStateIs),
                new JProperty("SetStateTo", setStateTo),
            }.Where(p => p.Value.Type != JTokenType.Null));
            stubs[$"{operationId}.200.progressing-{stage}.json"] = mapping;
        }
    }
}
