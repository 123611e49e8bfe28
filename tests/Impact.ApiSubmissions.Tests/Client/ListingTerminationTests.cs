using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>The holes a hostile server found: links that change yet lead back, lies about @numpages and @page, a record on three pages.</summary>
public class ListingTerminationTests
{
    [Fact]
    public async Task A_link_back_with_a_different_query_each_time_stops_the_listing()
    {
        var handler = new ScriptedHandler((_, call) => Page(page: 1, numPages: 3, next: $"/Advertisers/IRsid4567/APISubmissions?Page=1&PageSize=10&n={call}"));

        var e = await RunawayAsync(handler);

        // The link's page number is read from the page it leads to (the SDK parses no query): one request, then it stops.
        e.Message.Should().Contain("page numbers do not advance (page 1 after page 1)");
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task A_link_without_a_page_number_that_keeps_changing_stops_once_the_page_numbers_do_not_advance()
    {
        var handler = new ScriptedHandler((_, call) => Page(page: 1, numPages: 3, next: $"/Advertisers/IRsid4567/APISubmissions?n={call}"));

        var e = await RunawayAsync(handler);

        e.Message.Should().Contain("page numbers do not advance");
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task A_listing_that_runs_well_past_numpages_stops()
    {
        var handler = new ScriptedHandler((request, _) =>
        {
            var page = int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["Page"]!);
            return Page(page, numPages: 4, next: $"/Advertisers/IRsid4567/APISubmissions?Page={page + 1}&PageSize=10");
        });

        var e = await RunawayAsync(handler);

        e.Message.Should().Contain("well past @numpages");
        e.PagesRead.Should().Be(6, "four pages and room for two added while listing");
        handler.Calls.Should().Be(6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_listing_that_lies_about_a_huge_numpages_still_ends_at_its_last_page(int concurrency)
    {
        var handler = new ScriptedHandler((request, _) =>
        {
            var page = int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["Page"]!);
            return Page(page, numPages: 1_000_000, next: page < 3 ? $"/Advertisers/IRsid4567/APISubmissions?Page={page + 1}&PageSize=10" : string.Empty);
        });
        using var client = TestClients.Create(handler);

        var pages = new List<int?>();
        await foreach (var page in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10, MaxConcurrency = concurrency }).AsPages())
        {
            pages.Add(page.PageInfo.Page);
        }

        pages.Should().Equal(1, 2, 3);
        // Past the last page: at most MaxConcurrency in flight plus MaxConcurrency - 1 read ahead.
        handler.Calls.Should().BeLessThanOrEqualTo(3 + (2 * concurrency) - 1);
    }

    [Fact]
    public async Task A_record_on_three_consecutive_pages_is_yielded_once()
    {
        var handler = new ScriptedHandler((request, _) =>
        {
            var page = int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["Page"]!);
            var ids = page switch
            {
                1 => new[] { "A-1", "A-2", "A-3" },
                2 => new[] { "A-4", "A-5", "A-3" },
                _ => new[] { "A-3", "A-6", "A-7" },
            };
            return Page(page, numPages: 3, next: page < 3 ? $"/Advertisers/IRsid4567/APISubmissions?Page={page + 1}&PageSize=3" : string.Empty, ids);
        });
        using var client = TestClients.Create(handler);

        var all = new List<string>();
        await foreach (var s in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 3 }))
        {
            all.Add(s.BatchId!);
        }

        all.Should().Equal("A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7");
    }

    private static async Task<ImpactRunawayListingException> RunawayAsync(ScriptedHandler handler)
    {
        using var client = TestClients.Create(handler);
        var act = async () =>
        {
            await foreach (var _ in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10 }))
            {
            }
        };

        return (await act.Should().ThrowAsync<ImpactRunawayListingException>()).Which;
    }

    private static System.Net.Http.HttpResponseMessage Page(int page, int numPages, string next, params string[] ids) =>
        ScriptedHandler.Json("{\"@page\":\"" + page + "\",\"@numpages\":\"" + numPages + "\",\"@nextpageuri\":\"" + next + "\",\"APISubmissions\":["
            + string.Join(",", (ids.Length == 0 ? new[] { "A-p" + page } : ids).Select(id => TestClients.Submission(id))) + "]}");
}
