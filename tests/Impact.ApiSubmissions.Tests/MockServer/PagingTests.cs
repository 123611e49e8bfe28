using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class PagingTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public PagingTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions
        {
            AccountSid = "IRpaging1",
            Seed = 7,
            SubmissionCount = 250,
            Now = new DateTimeOffset(2025, 6, 15, 12, 0, 0, TimeSpan.FromHours(-7)),
        });
        _http = _server.CreateHttpClient();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Pages_name_their_array_as_the_published_schema_does_or_plural_on_request()
    {
        using var plural = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 7, SubmissionCount = 5, PluralListArray = true });
        using var pluralHttp = plural.CreateHttpClient();
        using var pluralClient = plural.CreateClient();
        using var client = _server.CreateClient();

        var singularPage = await _http.GetJsonAsync(_server.ListPath(page: 1, pageSize: 10));
        var pluralPage = await pluralHttp.GetJsonAsync(plural.ListPath(page: 1, pageSize: 10));

        singularPage.Should().ContainKey("APISubmission").And.NotContainKey("APISubmissions");
        pluralPage.Should().ContainKey("APISubmissions").And.NotContainKey("APISubmission");
        (await client.GetApiSubmissionsAsync().CountAsync()).Should().Be(250);
        (await pluralClient.GetApiSubmissionsAsync().CountAsync()).Should().Be(5);
    }

    [Fact]
    public async Task First_page_carries_every_metadata_value_as_a_string()
    {
        var page = await _http.GetJsonAsync(_server.ListPath(page: 1, pageSize: 100));

        Metadata(page).Should().Equal(new Dictionary<string, string>
        {
            ["@page"] = "1",
            ["@numpages"] = "3",
            ["@pagesize"] = "100",
            ["@total"] = "250",
            ["@start"] = "0",
            ["@end"] = "99",
            ["@uri"] = "/Advertisers/IRpaging1/APISubmissions?Page=1&PageSize=100",
            ["@firstpageuri"] = "/Advertisers/IRpaging1/APISubmissions?Page=1&PageSize=100",
            ["@previouspageuri"] = "",
            ["@nextpageuri"] = "/Advertisers/IRpaging1/APISubmissions?Page=2&PageSize=100",
            ["@lastpageuri"] = "/Advertisers/IRpaging1/APISubmissions?Page=3&PageSize=100",
        });
        ((JArray)page["APISubmission"]!).Should().HaveCount(100);
    }

    [Fact]
    public async Task Middle_page_links_both_ways()
    {
        var page = await _http.GetJsonAsync(_server.ListPath(page: 2, pageSize: 100));

        Metadata(page).Should().Contain(new Dictionary<string, string>
        {
            ["@page"] = "2",
            ["@start"] = "100",
            ["@end"] = "199",
            ["@previouspageuri"] = "/Advertisers/IRpaging1/APISubmissions?Page=1&PageSize=100",
            ["@nextpageuri"] = "/Advertisers/IRpaging1/APISubmissions?Page=3&PageSize=100",
        });
    }

    [Fact]
    public async Task Last_page_has_the_rest_and_an_empty_next_page_uri()
    {
        var page = await _http.GetJsonAsync(_server.ListPath(page: 3, pageSize: 100));

        Metadata(page).Should().Contain(new Dictionary<string, string>
        {
            ["@page"] = "3",
            ["@start"] = "200",
            ["@end"] = "249",
            ["@previouspageuri"] = "/Advertisers/IRpaging1/APISubmissions?Page=2&PageSize=100",
            ["@nextpageuri"] = "",
        });
        ((JArray)page["APISubmission"]!).Should().HaveCount(50);
    }

    [Fact]
    public async Task Following_next_page_uris_reads_every_submission_once_in_list_order()
    {
        var seen = new List<string>();
        var next = _server.ListPath(page: 1, pageSize: 33);
        var pages = 0;
        while (next.Length > 0)
        {
            var page = await _http.GetJsonAsync(next);
            seen.AddRange(page["APISubmission"]!.Select(s => (string)s["BatchId"]!));
            next = (string)page["@nextpageuri"]!;
            pages++;
        }

        pages.Should().Be(8);
        seen.Should().Equal(_server.Submissions.Select(s => s.BatchId));
    }

    [Fact]
    public async Task Without_query_the_first_page_of_1000_is_answered()
    {
        var page = await _http.GetJsonAsync(_server.ListPath());

        Metadata(page).Should().Contain(new Dictionary<string, string>
        {
            ["@page"] = "1",
            ["@numpages"] = "1",
            ["@pagesize"] = "1000",
            ["@end"] = "249",
            ["@uri"] = "/Advertisers/IRpaging1/APISubmissions?Page=1&PageSize=1000",
            ["@nextpageuri"] = "",
        });
        ((JArray)page["APISubmission"]!).Should().HaveCount(250);
    }

    [Fact]
    public async Task Query_parameter_names_ignore_case()
    {
        var page = await _http.GetJsonAsync($"/Advertisers/{_server.AccountSid}/APISubmissions?page=2&pagesize=100");

        ((string)page["@page"]!).Should().Be("2");
        ((string)page["@pagesize"]!).Should().Be("100");
    }

    [Fact]
    public async Task A_page_past_the_last_is_empty()
    {
        var page = await _http.GetJsonAsync(_server.ListPath(page: 9, pageSize: 100));

        ((JArray)page["APISubmission"]!).Should().BeEmpty();
        ((string)page["@nextpageuri"]!).Should().BeEmpty();
        ((string)page["@numpages"]!).Should().Be("3");
    }

    [Theory]
    [InlineData("Page=abc", "Page", "Not a numeric value")]
    [InlineData("Page=0", "Page", "Must be between 1 and 2147483647")]
    [InlineData("PageSize=x1", "PageSize", "Not a numeric value")]
    [InlineData("PageSize=0", "PageSize", "Must be between 1 and 2147483647")]
    public async Task Invalid_paging_answers_400_naming_the_field(string query, string field, string message)
    {
        using var response = await _http.GetAsync($"Advertisers/{_server.AccountSid}/APISubmissions?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        MockHttp.ParseToken(await response.Content.ReadAsStringAsync()).ShouldEqualJson(
            $"{{\"Status\":\"ERROR\",\"Message\":\"Validation Failed\",\"Errors\":[{{\"Field\":\"{field}\",\"Message\":\"{message}\"}}]}}");
    }

    [Fact]
    public async Task Any_positive_page_size_is_accepted_since_no_source_states_a_maximum()
    {
        var page = await _http.GetJsonAsync(_server.ListPath(page: 1, pageSize: int.MaxValue));

        ((JArray)page["APISubmission"]!).Should().HaveCount(250);
    }

    [Fact]
    public async Task An_empty_data_set_has_one_empty_page()
    {
        using var empty = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0 });
        using var http = empty.CreateHttpClient();

        var page = await http.GetJsonAsync(empty.ListPath());

        Metadata(page).Should().Contain(new Dictionary<string, string>
        {
            ["@numpages"] = "1",
            ["@total"] = "0",
            ["@start"] = "0",
            ["@end"] = "0",
            ["@nextpageuri"] = "",
        });
        ((JArray)page["APISubmission"]!).Should().BeEmpty();
    }

    private static Dictionary<string, string> Metadata(JObject page)
    {
        var metadata = page.Properties().Where(p => p.Name.StartsWith('@')).ToList();
        metadata.Should().OnlyContain(p => p.Value.Type == JTokenType.String, "impact.com writes page metadata as strings");
        return metadata.ToDictionary(p => p.Name, p => (string)p.Value!);
    }

    [Fact]
    public async Task A_listing_resumed_from_a_saved_token_gives_the_rest_of_the_data_set()
    {
        using var client = _server.CreateClient();
        string? token = null;
        var before = new List<string?>();
        await foreach (var page in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 100 }).AsPages())
        {
            before.AddRange(page.Items.Select(s => s.BatchId));
            token = page.ContinuationToken;
            break; // as if the process stopped here
        }

        var after = new List<string?>();
        await foreach (var s in client.GetApiSubmissionsAsync().AsPages(token))
        {
            after.AddRange(s.Items.Select(x => x.BatchId));
        }

        before.Concat(after).Should().Equal(_server.Submissions.Select(s => s.BatchId));
    }
}
