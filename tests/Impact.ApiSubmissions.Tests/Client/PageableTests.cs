using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>The one listing method: items, pages, continuation tokens, progress.</summary>
public class PageableTests
{
    [Fact]
    public async Task Each_page_carries_the_token_of_the_next_and_the_last_none()
    {
        using var client = TestClients.Create(new FakePagedService(total: 25).Handler());

        var pages = await client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10 }).AsPages().ToListAsync();

        pages.Select(p => p.ContinuationToken).Should().Equal(
            "/Advertisers/IRsid4567/APISubmissions?Page=2&PageSize=10",
            "/Advertisers/IRsid4567/APISubmissions?Page=3&PageSize=10",
            null);
    }

    [Fact]
    public async Task A_continuation_token_resumes_after_its_page_with_its_page_size()
    {
        var service = new FakePagedService(total: 25);
        var handler = service.Handler();
        using var client = TestClients.Create(handler);
        var first = await FirstAsync(client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10 }).AsPages());
        handler.Requests.Clear();

        // A new listing, as after a restart: the default page size and the hint do not shift the pages.
        var rest = await client.GetApiSubmissionsAsync().AsPages(first.ContinuationToken, pageSizeHint: 3).ToListAsync();

        rest.SelectMany(p => p.Items).Select(s => s.BatchId).Should().Equal(Enumerable.Range(11, 15).Select(i => $"A-{i:D5}"));
        handler.Requests.Select(r => r.RequestUri!.PathAndQuery).Should().Equal(
            "/Advertisers/IRsid4567/APISubmissions?Page=2&PageSize=10",
            "/Advertisers/IRsid4567/APISubmissions?Page=3&PageSize=10");
    }

    [Fact]
    public async Task The_page_size_hint_sets_the_page_size_of_a_new_listing()
    {
        var handler = new FakePagedService(total: 7).Handler();
        using var client = TestClients.Create(handler);

        var pages = await client.GetApiSubmissionsAsync().AsPages(pageSizeHint: 5).ToListAsync();

        pages.Select(p => p.Items.Count).Should().Equal(5, 2);
        handler.Requests.First().RequestUri!.PathAndQuery.Should().Be("/Advertisers/IRsid4567/APISubmissions?Page=1&PageSize=5");
    }

    [Theory]
    [InlineData("https://evil.example.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("/Advertisers/IRotherAccount/APISubmissions?Page=2")]
    public async Task A_token_that_leads_elsewhere_is_refused_before_anything_is_sent(string token)
    {
        var handler = new FakePagedService(total: 25).Handler();
        using var client = TestClients.Create(handler);

        var act = () => FirstAsync(client.GetApiSubmissionsAsync().AsPages(token));

        await act.Should().ThrowAsync<ImpactOriginRefusedException>();
        handler.Calls.Should().Be(0);
    }

    [Fact]
    public async Task A_token_that_is_not_a_page_of_the_list_is_refused_with_its_name()
    {
        var handler = new FakePagedService(total: 25).Handler();
        using var client = TestClients.Create(handler);

        var act = () => FirstAsync(client.GetApiSubmissionsAsync().AsPages("/Advertisers/IRsid4567/APISubmissions/A-00001"));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("continuationToken");
        handler.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Page_received_reports_each_page_in_order_while_enumerating_items()
    {
        using var client = TestClients.Create(new FakePagedService(total: 25).Handler());
        var seen = new List<(int? Page, int ItemsBefore)>();
        var items = 0;
        var options = new ApiSubmissionListOptions { PageSize = 10, PageReceived = p => seen.Add((p.PageInfo.Page, items)) };

        await foreach (var _ in client.GetApiSubmissionsAsync(options))
        {
            items++;
        }

        seen.Should().Equal((1, 0), (2, 10), (3, 20));
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_listing_is_enumerated_and_each_enumeration_lists_anew()
    {
        var handler = new FakePagedService(total: 5).Handler();
        using var client = TestClients.Create(handler);

        var listing = client.GetApiSubmissionsAsync();
        handler.Calls.Should().Be(0);
        (await listing.ToListAsync()).Should().HaveCount(5);
        (await listing.ToListAsync()).Should().HaveCount(5);

        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task From_pages_serves_users_tests_and_resumes_after_a_token()
    {
        var pages = new[]
        {
            ApiSubmissionsModelFactory.Page(new[] { ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-1"), ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-2") }, page: 1, continuationToken: "next-2"),
            ApiSubmissionsModelFactory.Page(new[] { ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-2"), ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-3") }, page: 2),
        };
        var listing = ImpactPageable<ApiSubmission>.FromPages(pages);

        (await listing.ToListAsync()).Select(s => s.BatchId).Should().Equal("A-1", "A-2", "A-3");
        (await listing.AsPages("next-2").ToListAsync()).Select(p => p.PageInfo.Page).Should().Equal(2);
    }

    [Fact]
    public void Page_size_hint_below_one_is_refused()
    {
        using var client = TestClients.Create(new FakePagedService(total: 1).Handler());

        var act = () => client.GetApiSubmissionsAsync().AsPages(pageSizeHint: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("pageSizeHint");
    }

    private static async Task<T> FirstAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var item in items)
        {
            return item;
        }

        throw new InvalidOperationException("empty");
    }
}
