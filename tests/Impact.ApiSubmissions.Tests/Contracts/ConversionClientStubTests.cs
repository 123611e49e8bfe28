using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using WireMock.Server;
using WireMock.Settings;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>The SDK's SubmitConversionAsync against the SubmitConversion mapping files in a plain WireMock server.</summary>
public sealed class ConversionClientStubTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = new[] { "http://127.0.0.1:0" } });
    private readonly System.Collections.Generic.List<HttpClient> _http = new();

    public ConversionClientStubTests() => _server.ReadStaticMappings(ContractFiles.MappingsDirectory);

    public void Dispose()
    {
        _http.ForEach(h => h.Dispose());
        _server.Stop();
        _server.Dispose();
    }

    [Fact]
    public async Task The_200_stub_gives_the_QueuedUri_and_its_BatchId()
    {
        using var client = Client(selectStatus: null);

        var queued = await client.SubmitConversionAsync(SubmissionPayload.Parse(ContractStubCatalog.Conversion));

        // The values written in SubmitConversion.200.json, read by eye: not derived by the code under test.
        queued.Status.Should().Be("QUEUED");
        queued.QueuedUri.Should().Be("/Advertisers/IRExampleSid1/APISubmissions/A-621beb79-fe69-41f5-06b3-80adee0d77ce");
        queued.BatchId.Should().Be("A-621beb79-fe69-41f5-06b3-80adee0d77ce");
    }

    [Fact]
    public async Task The_400_stub_is_read_as_impacts_lower_case_envelope_with_every_problem()
    {
        using var client = Client(selectStatus: "400");

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(ContractStubCatalog.Conversion));

        var thrown = (await act.Should().ThrowAsync<ImpactApiException>()).Which;
        thrown.StatusCode.Should().Be(400);
        thrown.Error!.Errors!.Select(e => e.Field).Should().Equal("OrderId", "ActionTrackerId", "ClickId");
        thrown.Message.Should().Contain("The service listed 3 problems");
    }

    private ApiSubmissionsClient Client(string? selectStatus)
    {
        var http = new HttpClient(new StatusSelector(selectStatus) { InnerHandler = new HttpClientHandler() });
        _http.Add(http);
        var options = new ApiSubmissionsClientOptions { BaseAddress = new Uri(_server.Url! + "/") };
        options.Retry.MaxRetries = 0;
        return new ApiSubmissionsClient(http, new ImpactCredentials(ContractStubCatalog.AccountSid, ContractStubCatalog.AuthToken), options);
    }

    // The stubs answer an error status when the request names it in a header.
    private sealed class StatusSelector(string? status) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (status is not null)
            {
                request.Headers.Add(ContractStubCatalog.StatusSelector, status);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
