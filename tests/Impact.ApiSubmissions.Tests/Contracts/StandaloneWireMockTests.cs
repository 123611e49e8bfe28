using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;
using WireMock.Server;
using WireMock.Settings;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>The mapping files load into a plain WireMock server and answer as their bodies say.</summary>
public sealed class StandaloneWireMockTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = new[] { "http://127.0.0.1:0" } });
    private readonly HttpClient _http;
    private readonly HttpClient _anonymous;

    public StandaloneWireMockTests()
    {
        _server.ReadStaticMappings(ContractFiles.MappingsDirectory);
        _anonymous = new HttpClient { BaseAddress = new Uri(_server.Url! + "/") };
        _http = new HttpClient { BaseAddress = _anonymous.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(ContractStubCatalog.Authorization);
    }

    public void Dispose()
    {
        _http.Dispose();
        _anonymous.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    [Fact]
    public async Task Every_mapping_file_loads_and_is_reached_by_the_requests_it_describes()
    {
        _server.Mappings.Should().HaveCount(ContractFiles.Mappings.Count);

        // Pages: follow @nextpageuri as a client would.
        var first = await Body(_http, ContractStubCatalog.ListPath);
        first.ShouldEqualJson(Stub("ListApiSubmissions.200.page-1.json"));
        (await Body(_http, (string)first["@nextpageuri"]!)).ShouldEqualJson(Stub("ListApiSubmissions.200.page-2.json"));

        foreach (var (name, builder) in ContractStubCatalog.Submissions)
        {
            (await Body(_http, $"{ContractStubCatalog.ListPath}/{builder.Build().BatchId}")).ShouldEqualJson(Stub($"GetApiSubmission.200.{name}.json"));
        }

        var progressing = $"{ContractStubCatalog.ListPath}/{ContractStubCatalog.Progressing.Build().BatchId}";
        var statuses = new[] { await Body(_http, progressing), await Body(_http, progressing), await Body(_http, progressing), await Body(_http, progressing) };
        statuses.Select(s => (string)s["Status"]!).Should().Equal("Queued", "In Progress", "Complete", "Complete");

        (await Status(_http, $"{ContractStubCatalog.ListPath}/A-unknown")).Should().Be(404);
        (await Status(_anonymous, ContractStubCatalog.ListPath)).Should().Be(401);
        (await Status(_anonymous, $"{ContractStubCatalog.ListPath}/A-unknown")).Should().Be(401);

        foreach (var code in ContractStubCatalog.ErrorCodes)
        {
            foreach (var (operation, path) in new[] { ("ListApiSubmissions", ContractStubCatalog.ListPath), ("GetApiSubmission", $"{ContractStubCatalog.ListPath}/A-any") })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
                request.Headers.Add(ContractStubCatalog.StatusSelector, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using var response = await _http.SendAsync(request);
                ((int)response.StatusCode).Should().Be(code, $"{operation} {code}");
                MockHttp.ParseToken(await response.Content.ReadAsStringAsync()).ShouldEqualJson(Stub($"{operation}.{code}.json"));
                if (code == 429)
                {
                    response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromHours(1));
                }
            }
        }

        await ConversionStubTests.ReachEveryConversionStubAsync(_http, _anonymous);
        await FtpStubTests.ReachEveryFtpStubAsync(_http, _anonymous);
        var reached = _server.LogEntries.Select(e => e.MappingGuid).ToHashSet();
        _server.Mappings.Where(m => !reached.Contains(m.Guid)).Select(m => m.Title).Should().BeEmpty("every stub should be reachable");
    }

    private static JToken Stub(string name) => ContractFiles.Mappings.Single(m => m.Name == name).Json["Response"]!["BodyAsJson"]!;

    private static async Task<JObject> Body(HttpClient client, string path) => await client.GetJsonAsync(path);

    private static async Task<int> Status(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path.TrimStart('/'));
        return (int)response.StatusCode;
    }
}
