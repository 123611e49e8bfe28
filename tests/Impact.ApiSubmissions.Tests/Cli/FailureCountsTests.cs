using System;
using System.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Cli.Output;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>The one failure tally errors and history share.</summary>
public sealed class FailureCountsTests
{
    private static readonly DateTimeOffset Day = new(2026, 9, 1, 23, 30, 0, TimeSpan.FromHours(-7));

    [Fact]
    public void Counts_a_reason_once_per_submission_a_failure_without_reasons_by_its_type_and_programs_partners_and_days_with_failures_only()
    {
        var counts = new FailureCounts();
        counts.Add(Submission("A-1", 1000, 7, Day).WithErrors("Contract Error", "CONTRACT_NOT_FOUND", "CONTRACT_NOT_FOUND").Build());
        counts.Add(Submission("A-2", 1000, null, Day.AddDays(1)).WithErrors("Validation").Build());
        counts.Add(Submission("A-3", 1099, 7, Day.AddDays(1)).WithoutErrors().Build());
        counts.Add(Submission("A-4", null, 8, null).WithErrors("Validation", "OID_MISSING").Build());

        (counts.Submissions, counts.Failures).Should().Be((4, 3));
        counts.ByReason.Select(p => (p.Key.Code, p.Value)).Should().Equal(("CONTRACT_NOT_FOUND", 1), ("OID_MISSING", 1));
        counts.WithoutReason.Select(p => (p.Key, p.Value)).Should().Equal(("Validation", 1));
        counts.ByType.Select(p => (p.Key, p.Value)).Should().Equal(("Validation", 2), ("Contract Error", 1));
        FailureCounts.Top(counts.Programs, 5).Select(p => (p.Id, p.Tally.Failures, p.Tally.Submissions)).Should().Equal(((long?)1000, 2, 2), (null, 1, 1));
        FailureCounts.Top(counts.Partners, 5).Select(p => (p.Id, p.Tally.Failures, p.Tally.Submissions)).Should().Equal(((long?)7, 1, 2), (8, 1, 1), (null, 1, 1));
        counts.ByDay.Select(p => (p.Key, p.Value.Failures, p.Value.Submissions)).Should().Equal((Day.Date, 1, 1), (Day.Date.AddDays(1), 1, 2));
        (counts.First, counts.Last).Should().Be((Day, Day.AddDays(1)));
    }

    private static ApiSubmissionBuilder Submission(string batchId, long? campaign, long? partner, DateTimeOffset? submitted) =>
        new ApiSubmissionBuilder().WithBatchId(batchId).WithCampaignId(campaign).WithMediaPartnerId(partner).WithSubmissionDate(submitted);
}
