using System;
using System.Collections.Generic;
using System.Linq;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// How the generated data sets spread their records over time: over the 90 days before "now", oldest first; about 3%
/// still Queued and 3% In Progress (from the last quarter hour). Each record gets its own random sequence and a
/// BatchId not given before.
/// </summary>
internal static class DataSetSpread
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    /// <param name="random">The data set's sequence; each record forks its own from it.</param>
    /// <param name="count">How many records.</param>
    /// <param name="now">The data set's "now".</param>
    /// <param name="youngestComplete">How long ago the most recent complete record can be at the least.</param>
    /// <param name="batchIdPrefix">The BatchId's first letter: <c>A</c> for API submissions, <c>F</c> for FTP files.</param>
    public static IEnumerable<(string BatchId, DateTimeOffset Submitted, SubmissionStatus Status, DeterministicRandom Random)> Plan(
        DeterministicRandom random, int count, DateTimeOffset now, TimeSpan youngestComplete, char batchIdPrefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plans = new List<(DateTimeOffset Submitted, SubmissionStatus Status, DeterministicRandom Random)>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var status = roll < 0.03 ? SubmissionStatus.Queued : roll < 0.06 ? SubmissionStatus.InProgress : SubmissionStatus.Complete;
            var age = status == SubmissionStatus.Complete
                ? TimeSpan.FromSeconds(random.NextInt64((long)youngestComplete.TotalSeconds, (long)Retention.TotalSeconds - 60))
                : TimeSpan.FromSeconds(random.Next(5, 15 * 60));
            plans.Add((now - age, status, random.Fork()));
        }

        // Oldest first; OrderBy is stable, so ties keep their generation order.
        foreach (var plan in plans.OrderBy(p => p.Submitted))
        {
            string batchId;
            do
            {
                batchId = batchIdPrefix + BatchIds.Next(plan.Random).Substring(1);
            }
            while (!seen.Add(batchId));

            yield return (batchId, plan.Submitted, plan.Status, plan.Random);
        }
    }
}
