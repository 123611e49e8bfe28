using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Sync;

/// <summary>The sync's pacing: its own budget per rolling hour, and the service's rate-limit window.</summary>
public sealed class RequestBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_request_past_the_budget_waits_until_the_oldest_leaves_the_hour()
    {
        var clock = new ManualTimeProvider(Start);
        var waits = new List<TimeSpan>();
        var budget = new RequestBudget(3, clock, () => null, (wait, _) => { waits.Add(wait); clock.Advance(wait); return Task.CompletedTask; }, burst: 3);

        await budget.TakeAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(10));
        await budget.TakeAsync(CancellationToken.None);
        await budget.TakeAsync(CancellationToken.None);
        waits.Should().BeEmpty();

        await budget.TakeAsync(CancellationToken.None);
        waits.Should().Equal(TimeSpan.FromMinutes(50));
        budget.Waited.Should().Be(TimeSpan.FromMinutes(50));
    }

    [Fact]
    public async Task After_a_burst_of_a_tenth_of_the_budget_requests_are_spread_over_the_hour()
    {
        var clock = new ManualTimeProvider(Start);
        var waits = new List<TimeSpan>();
        var budget = new RequestBudget(500, clock, () => null, (wait, _) => { waits.Add(wait); clock.Advance(wait); return Task.CompletedTask; });

        for (var i = 0; i < 52; i++)
        {
            await budget.TakeAsync(CancellationToken.None);
        }

        waits.Should().Equal(new[] { TimeSpan.FromSeconds(7.2), TimeSpan.FromSeconds(7.2) }, "50 go at once, then one every 3,600 s / 500");
    }

    [Fact]
    public async Task A_window_with_no_more_than_the_other_half_left_is_waited_out_until_it_resets()
    {
        var clock = new ManualTimeProvider(Start);
        var waits = new List<TimeSpan>();
        var server = ApiSubmissionsModelFactory.RateLimitState(limit: 1000, remaining: 500, resetAfter: TimeSpan.FromMinutes(7), observedAt: Start);
        var budget = new RequestBudget(500, clock, () => server, (wait, _) => { waits.Add(wait); clock.Advance(wait); return Task.CompletedTask; });

        await budget.TakeAsync(CancellationToken.None);

        waits.Should().Equal(TimeSpan.FromMinutes(7));
        server = ApiSubmissionsModelFactory.RateLimitState(limit: 1000, remaining: 501, resetAfter: TimeSpan.FromMinutes(7), observedAt: clock.GetUtcNow());
        await budget.TakeAsync(CancellationToken.None);
        waits.Should().HaveCount(1, "501 left is more than the half kept for the brand's own requests");
    }

    [Fact]
    public async Task A_sync_asks_the_budget_before_each_page()
    {
        using var server = Impact.ApiSubmissions.Testing.ImpactMockServer.Start(new Impact.ApiSubmissions.Testing.ImpactMockServerOptions { SubmissionCount = 50 });
        using var client = server.CreateClient();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "impact-budget-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using var store = new Impact.ApiSubmissions.Storage.SqliteSubmissionStore(path);
            await store.MigrateAsync();
            var clock = new ManualTimeProvider(Start);
            var waits = new List<TimeSpan>();
            var options = new SubmissionSyncOptions { PageSize = 10, RequestsPerHour = 2, MaxPendingReadsPerPass = 0, IncludeFtpFiles = false, TimeProvider = clock };
            var sync = new SubmissionSync(client, store, options, (wait, _) => { waits.Add(wait); clock.Advance(wait); return Task.CompletedTask; });

            var result = await sync.RunPassAsync();

            result.Pages.Should().Be(5);
            // Two an hour, no burst: a page every half hour.
            waits.Should().Equal(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.File.Delete(path);
        }
    }
}
