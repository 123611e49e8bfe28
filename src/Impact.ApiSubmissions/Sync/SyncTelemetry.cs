using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Impact.ApiSubmissions;

/// <summary>What <see cref="SubmissionSync"/> reports through <see cref="ImpactTelemetry"/>'s source and meter.</summary>
internal static class SyncTelemetry
{
    private static readonly Counter<long> Read = ImpactTelemetry.Meter.CreateCounter<long>("impact.sync.submissions.read", "{submission}", "Submissions a sync read and stored.");
    private static readonly Counter<long> Failures = ImpactTelemetry.Meter.CreateCounter<long>("impact.sync.failures", "{submission}", "New failures a sync found, by error reason.");
    private static readonly Counter<long> PassFailures = ImpactTelemetry.Meter.CreateCounter<long>("impact.sync.pass_failures", "{pass}", "Watch passes that failed and will be tried again.");
    private static readonly Histogram<double> BudgetWaits = ImpactTelemetry.Meter.CreateHistogram<double>("impact.sync.budget_wait", "s", "Waits for the sync's request budget or the service's rate-limit window.");

    public static Activity? StartPass(string accountSid)
    {
        var activity = ImpactTelemetry.Source.StartActivity("sync pass", ActivityKind.Internal);
        activity?.SetTag("impact.account_sid", accountSid);
        return activity;
    }

    public static void Stored(IReadOnlyList<ApiSubmission> rows, IReadOnlyList<SubmissionEvent> events)
    {
        Read.Add(rows.Count);
        foreach (var e in events)
        {
            if (e.Kind != SubmissionEventKind.Failed)
            {
                continue;
            }

            var reasons = e.ErrorReasons;
            if (reasons.Count == 0)
            {
                Failures.Add(1, new KeyValuePair<string, object?>("impact.error_reason", "(none)"));
            }

            foreach (var reason in reasons)
            {
                Failures.Add(1, new KeyValuePair<string, object?>("impact.error_reason", reason.ToString()));
            }
        }
    }

    public static void BudgetWait(TimeSpan wait)
    {
        BudgetWaits.Record(wait.TotalSeconds);
        Activity.Current?.AddEvent(new ActivityEvent("budget_wait", tags: new ActivityTagsCollection { { "impact.wait_s", wait.TotalSeconds } }));
    }

    public static void PassFailed(Exception e) =>
        PassFailures.Add(1, new KeyValuePair<string, object?>("error.type", e.GetType().Name));
}
