using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.MockServer;
using WireMock.Server;
using WireMock.Settings;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>The SubmitConversion mapping files, loaded into a plain WireMock server, answer a POST as their bodies say.</summary>
public sealed class ConversionStubTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = new[] { "http://127.0.0.1:0" } });
    private readonly HttpClient _http;

    public ConversionStubTests()
    {
        _server.ReadStaticMappings(ContractFiles.MappingsDirectory);
        _http = new HttpClient { BaseAddress = new Uri(_server.Url! + "/") };
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    [Fact]
    public async Task A_form_encoded_conversion_with_the_credentials_is_queued()
    {
        var (status, body) = await Post(ContractStubCatalog.Conversion, authorized: true);

        status.Should().Be(200);
        body.Should().Be(Stub("SubmitConversion.200.json"));
        MockHttp.ParseToken(body)["Status"]!.ToString().Should().Be("QUEUED");
    }

    [Fact]
    public async Task Without_credentials_or_with_a_selected_status_the_error_stubs_answer()
    {
        (await Post(ContractStubCatalog.Conversion, authorized: false)).Status.Should().Be(401);
        var (status, body) = await Post(ContractStubCatalog.InvalidConversion, authorized: true, selectStatus: "400");

        status.Should().Be(400);
        MockHttp.ParseToken(body)["errors"]!.Should().HaveCount(3);
    }

    /// <summary>Sends the requests each SubmitConversion stub describes and checks each answers its own body.</summary>
    internal static async Task ReachEveryConversionStubAsync(HttpClient authorized, HttpClient anonymous)
    {
        (await Post(authorized, ContractStubCatalog.Conversion, null, ContractStubCatalog.Authorization)).Should().Be((200, Stub("SubmitConversion.200.json")));
        (await Post(anonymous, ContractStubCatalog.Conversion, null)).Should().Be((401, Stub("SubmitConversion.401.missing-credentials.json")));
        foreach (var code in ContractStubCatalog.ErrorCodesOf("SubmitConversion"))
        {
            string status = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            (await Post(anonymous, ContractStubCatalog.Conversion, status)).Should().Be((code, Stub($"SubmitConversion.{status}.json")));
        }
    }

    private static string Stub(string name) =>
        ContractFiles.Mappings.Single(m => m.Name == name).Json["Response"]!["BodyAsJson"]!.ToString(Newtonsoft.Json.Formatting.None);

    private Task<(int Status, string Body)> Post(string form, bool authorized, string? selectStatus = null) =>
        Post(_http, form, selectStatus, authorized ? ContractStubCatalog.Authorization : null);

    private static async Task<(int Status, string Body)> Post(HttpClient http, string form, string? selectStatus, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ContractStubCatalog.ConversionsPath.TrimStart('/'))
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (selectStatus is not null)
        {
            request.Headers.Add(ContractStubCatalog.StatusSelector, selectStatus);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, MockHttp.ParseToken(text).ToString(Newtonsoft.Json.Formatting.None));
    }
}
