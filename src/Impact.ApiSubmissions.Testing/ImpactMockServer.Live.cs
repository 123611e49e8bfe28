using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Impact.ApiSubmissions.Testing;

public sealed partial class ImpactMockServer
{
    private static readonly (string Type, string Reason)[] LiveFailureReasons =
    {
        ("Contract Error", "CONTRACT_NOT_FOUND"),
        ("Validation", "CAMPAIGN_NOT_FOUND"),
        ("Contract Error", "OUTSIDE_ASSOCIATION_WINDOW"),
        ("Validation", "CONV_DUPLICATE"),
        ("Contract Error", "PARTNER_NOT_ACTIVE"),
    };

    private readonly object _liveLock = new();
    private readonly Queue<string> _liveToFix = new();
    private readonly List<IDisposable> _liveTimers = new();
    private int _liveCount;

    /// <summary>
    /// A live account: from now on a submission is added every 60/<paramref name="perMinute"/> seconds, processed at
    /// once, as a brand's traffic would. One in four fails (the reasons rotate through contract and validation errors);
    /// every other failure is fixed a little later by a good submission of the same OrderId. Dispose the result, or the
    /// server, to stop.
    /// </summary>
    /// <param name="perMinute">Submissions a minute, 1 to 6,000.</param>
    /// <returns>What stops the traffic.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perMinute"/> is out of range.</exception>
    public IDisposable StartLiveSubmissions(int perMinute)
    {
        if (perMinute is < 1 or > 6000)
        {
            throw new ArgumentOutOfRangeException(nameof(perMinute), perMinute, "From 1 to 6,000 submissions a minute.");
        }

        var every = TimeSpan.FromMinutes(1.0 / perMinute);
        var timer = _time.CreateTimer(_ => AddLiveSubmission(), null, every, every);
        lock (_liveLock)
        {
            // Held here too, so that a caller who drops the result does not lose the timer to the collector.
            _liveTimers.Add(timer);
        }

        return timer;
    }

    private void StopLiveSubmissions()
    {
        lock (_liveLock)
        {
            _liveTimers.ForEach(t => t.Dispose());
            _liveTimers.Clear();
        }
    }

    /// <summary>Adds the live scenario's next submission now (what each tick of <see cref="StartLiveSubmissions"/> does).</summary>
    /// <returns>The submission added.</returns>
    public ApiSubmission AddLiveSubmission()
    {
        lock (_liveLock)
        {
            var n = ++_liveCount;
            var now = _time.GetUtcNow().ToOffset(_defaults.Now.Offset);
            var number = n.ToString(CultureInfo.InvariantCulture);
            var builder = new ApiSubmissionBuilder()
                .WithBatchId("A-11ve0000-0000-4000-8000-" + n.ToString("D12", CultureInfo.InvariantCulture))
                .WithSubmissionDate(now)
                .WithCompletionDate(now.AddSeconds(2))
                .WithCampaignId(1000 + (n % 3))
                .WithMediaPartnerId(10040 + (n % 5));
            string orderId;
            if (n % 4 == 1)
            {
                orderId = (7700000000000L + n).ToString(CultureInfo.InvariantCulture);
                var (type, reason) = LiveFailureReasons[(n / 4) % LiveFailureReasons.Length];
                builder.WithErrors(type, reason);
                if ((n / 4) % 2 == 0)
                {
                    _liveToFix.Enqueue(orderId);
                }
            }
            else
            {
                orderId = n % 4 == 3 && _liveToFix.Count > 0 ? _liveToFix.Dequeue() : (7700000000000L + n).ToString(CultureInfo.InvariantCulture);
                builder.WithoutErrors();
            }

            builder.WithOrderId(orderId).WithPayload(
                $"CampaignId={(1000 + (n % 3)).ToString(CultureInfo.InvariantCulture)}&EventTypeId=4000&EventDate={Uri.EscapeDataString(now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))}"
                + $"&OrderId={orderId}&ClickId=live-click-{number}&CurrencyCode=USD&ItemSku1=12345&ItemQuantity1=1&ItemPrice1=10");
            return Add(builder);
        }
    }
}
