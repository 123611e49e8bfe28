using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

public class PagingTests
{
    [Fact]
    public async Task Lists_every_submission_by_following_next_page_uri_until_empty()
    {
        var service = new FakePagedService(total: 25);
        var handler = service.Handler();
        using var client = TestClients.Create(handler);

        var all = new List<ApiSubmission>();
        await foreach (var s in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10 }))
        {
            all.Add(s);
        }

        all.Select(s => s.BatchId).Should().Equal(Enumerable.Range(1, 25).Select(i => $"A-{i:D5}"));
        handler.Requests.Select(r => r.RequestUri!.PathAndQuery).Should().Equal(
            "/Advertisers/IRsid4567/APISubmissions?Page=1&PageSize=10",
            "/Advertisers/IRsid4567/APISubmissions?Page=2&PageSize=10",
            "/Advertisers/IRsid4567/APISubmissions?Page=3&PageSize=10");
    }

    [Fact]
    public async Task Pages_come_with_their_metadata()
    {
        using var client = TestClients.Create(new FakePagedService(total: 25).Handler());

        var pages = new List<ImpactPage<ApiSubmission>>();
        await foreach (var page in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10, StartPage = 2 }).AsPages())
        {
            pages.Add(page);
        }

        pages.Select(p => p.PageInfo.Page).Should().Equal(2, 3);
        pages.Select(p => p.Items.Count).Should().Equal(10, 5);
        pages[0].PageInfo.NumPages.Should().Be(3);
        pages[0].PageInfo.Total.Should().Be(25);
        pages[1].PageInfo.HasNextPage.Should().BeFalse();
    }

    [Fact]
    public async Task Prefetch_keeps_the_order_and_bounds_the_requests_in_flight()
    {
        var service = new FakePagedService(total: 95) { Latency = TimeSpan.FromMilliseconds(30) };
        using var client = TestClients.Create(service.Handler());

        var ids = new List<string?>();
        await foreach (var s in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10, MaxConcurrency = 3 }))
        {
            ids.Add(s.BatchId);
        }

        ids.Should().Equal(Enumerable.Range(1, 95).Select(i => $"A-{i:D5}"));
        service.MaxInFlight.Should().BeInRange(2, 3);
    }

    [Fact]
    public async Task Prefetch_sends_the_next_request_when_a_page_is_in_not_when_the_page_before_it_is()
    {
        // Page 2 hangs until released; every other page answers at once. The slots of pages already in go to the next
        // pages, up to MaxConcurrency fetching plus MaxConcurrency read ahead (four here), never more.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pages = new System.Net.Http.HttpMessageInvoker(new FakePagedService(total: 100).Handler());
        var handler = new ScriptedHandler(async (request, _, token) =>
        {
            if (System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["Page"] == "2")
            {
                await gate.Task.WaitAsync(token);
            }

            return await pages.SendAsync(request, token);
        });
        using var client = TestClients.Create(handler);

        var read = new List<int?>();
        var listing = Task.Run(async () =>
        {
            await foreach (var page in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10, MaxConcurrency = 2 }).AsPages())
            {
                read.Add(page.PageInfo.Page);
            }
        });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (handler.Calls < 5 && DateTime.UtcNow < deadline && !listing.IsCompleted)
        {
            await Task.Delay(10);
        }

        handler.Calls.Should().Be(5, "pages 3, 4 and 5 are requested while page 2 is still awaited, and no more");
        gate.SetResult();
        await listing;
        read.Should().Equal(Enumerable.Range(1, 10).Select(i => (int?)i));
        handler.Calls.Should().Be(10);
    }

    [Fact]
    public async Task A_record_that_shifts_onto_the_next_page_is_yielded_once()
    {
        // Between the two page reads a new submission is inserted at the front: A-00010 moves from page 1 to page 2.
        var before = Enumerable.Range(1, 20).Select(i => $"A-{i:D5}").ToList();
        var after = new[] { "A-NEW00" }.Concat(before).ToList();
        var service = new FakePagedService(0, call => call == 1 ? before : after);
        using var client = TestClients.Create(service.Handler());

        var ids = new List<string?>();
        await foreach (var s in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10 }))
        {
            ids.Add(s.BatchId);
        }

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().Contain(before);
    }

    [Fact]
    public async Task Stopping_early_cancels_the_requests_in_flight()
    {
        var service = new FakePagedService(total: 200) { Latency = TimeSpan.FromMilliseconds(300) };
        using var client = TestClients.Create(service.Handler());

        await foreach (var s in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10, MaxConcurrency = 4 }))
        {
            if (s.BatchId == "A-00003")
            {
                break;
            }
        }

        service.Cancelled.Should().BeGreaterThan(0);
        await Task.Delay(50);
        service.InFlight.Should().Be(0);
    }

    [Fact]
    public async Task Max_pages_limits_the_listing()
    {
        var handler = new FakePagedService(total: 100).Handler();
        using var client = TestClients.Create(handler);

        var count = 0;
        await foreach (var _ in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10, MaxPages = 2 }))
        {
            count++;
        }

        count.Should().Be(20);
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task A_next_page_uri_that_loops_is_reported()
    {
        const string looping = "{\"@page\":\"1\",\"@nextpageuri\":\"/Advertisers/IRsid4567/APISubmissions?Page=1&PageSize=10\",\"APISubmissions\":[]}";
        using var client = TestClients.Create(new ScriptedHandler((_, _) => ScriptedHandler.Json(looping)));

        var act = async () =>
        {
            await foreach (var _ in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 10 }))
            {
            }
        };

        var e = (await act.Should().ThrowAsync<ImpactRunawayListingException>()).Which;
        e.Message.Should().Contain("leads back to a page already read");
        e.PagesRead.Should().Be(1);
    }

    [Fact]
    public async Task A_next_page_uri_on_another_host_is_refused()
    {
        const string page = "{\"@page\":\"1\",\"@nextpageuri\":\"https://evil.example.com/Advertisers/IRsid4567/APISubmissions?Page=2\",\"APISubmissions\":[]}";
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(page));
        using var client = TestClients.Create(handler);

        var act = async () =>
        {
            await foreach (var _ in client.GetApiSubmissionsAsync().AsPages())
            {
            }
        };

        (await act.Should().ThrowAsync<ImpactOriginRefusedException>()).Which.RefusedUri.Should().StartWith("https://evil.example.com/");
        handler.Calls.Should().Be(1);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(10, 0, 1)]
    [InlineData(10, 1, 0)]
    [InlineData(10, 1, 17)]
    public void Out_of_range_options_are_refused_before_any_request(int pageSize, int startPage, int concurrency)
    {
        var handler = new FakePagedService(total: 1).Handler();
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = pageSize, StartPage = startPage, MaxConcurrency = concurrency });

        act.Should().Throw<ArgumentOutOfRangeException>();
        handler.Calls.Should().Be(0);
    }
}
