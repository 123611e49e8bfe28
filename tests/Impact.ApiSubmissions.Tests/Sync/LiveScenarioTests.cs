using System;
using System.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Sync;

/// <summary>The mock's live scenario: what each tick adds.</summary>
public sealed class LiveScenarioTests
{
    [Fact]
    public void One_in_four_fails_and_every_other_failure_is_fixed_later_by_the_same_OrderId()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0 });

        var added = Enumerable.Range(0, 16).Select(_ => server.AddLiveSubmission()).ToList();

        server.Submissions.Should().HaveCount(16);
        added.Select(s => s.BatchId).Should().OnlyHaveUniqueItems();
        var failures = added.Where(s => s.HasErrors).ToList();
        failures.Should().HaveCount(4);
        failures.SelectMany(f => f.ErrorReasons).Select(r => r.Code).Distinct().Should().HaveCountGreaterThan(1);
        var fixedOrders = added.Where(s => !s.HasErrors && failures.Any(f => f.OrderId == s.OrderId)).ToList();
        fixedOrders.Should().HaveCount(2);
        fixedOrders.Should().OnlyContain(fix => added.IndexOf(fix) > added.FindIndex(f => f.HasErrors && f.OrderId == fix.OrderId));
        added.Should().OnlyContain(s => s.IsComplete && s.ParsePayload().OrderId == s.OrderId);
    }

    [Fact]
    public void A_rate_out_of_range_is_refused()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0 });
        var start = () => server.StartLiveSubmissions(0);
        start.Should().Throw<ArgumentOutOfRangeException>();
    }
}
