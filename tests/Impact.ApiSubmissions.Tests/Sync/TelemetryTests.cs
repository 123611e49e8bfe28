using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Sync;

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection
{
}

/// <summary>The SDK's ActivitySource and Meter, seen through ActivityListener and MeterListener. Alone: listeners see the whole process.</summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_call_retried_once_is_one_span_with_its_attempts_and_a_retry_event_and_two_requests_counted()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 3 });
        var port = new Uri(server.BaseUrl).Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = ListenToSpans(spans);
        var measurements = new ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ImpactTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        meters.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        meters.Start();
        server.RateLimitAfter(1000, TimeSpan.FromHours(1));
        server.FailNext(1);
        using var client = server.CreateClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));
        var batchId = server.Submissions[0].BatchId!;

        await client.GetApiSubmissionAsync(batchId);

        var span = spans.Should().ContainSingle(a => a.OperationName == "GET" && (int?)a.GetTagItem("server.port") == port).Subject;
        span.Kind.Should().Be(ActivityKind.Client);
        span.GetTagItem("impact.operation").Should().Be("GetApiSubmission");
        span.GetTagItem("url.template").Should().Be("/Advertisers/{AccountSID}/APISubmissions/{BatchId}");
        span.GetTagItem("impact.attempts").Should().Be(2);
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.Status.Should().Be(ActivityStatusCode.Ok);
        span.Events.Select(e => e.Name).Should().Contain("retry");
        span.GetTagItem("url.path")!.ToString().Should().NotContain(server.AuthToken);

        var requests = measurements.Where(m => m.Name == "impact.client.requests").ToList();
        requests.Should().HaveCount(2);
        requests.Select(m => m.Tags["http.response.status_code"]).Should().BeEquivalentTo(new object[] { 503, 200 });
        measurements.Where(m => m.Name == "impact.client.retries").Should().ContainSingle();
        measurements.Where(m => m.Name == "http.client.request.duration").Should().HaveCount(2);
        measurements.Where(m => m.Name == "impact.client.rate_limit.remaining").Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_conversion_post_is_a_span_named_by_its_operation_and_path_template()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1 });
        var port = new Uri(server.BaseUrl).Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = ListenToSpans(spans);
        using var client = server.CreateClient();

        await client.SubmitConversionAsync(SubmissionPayload.Parse(
            "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=T-1&ClickId=c1&CurrencyCode=USD&ItemSku1=1&ItemQuantity1=1&ItemPrice1=10"));

        var span = spans.Should().ContainSingle(a => a.OperationName == "POST" && (int?)a.GetTagItem("server.port") == port).Subject;
        span.GetTagItem("impact.operation").Should().Be("SubmitConversion");
        span.GetTagItem("url.template").Should().Be("/Advertisers/{AccountSID}/Conversions");
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.GetTagItem("impact.attempts").Should().Be(1);
    }

    [Fact]
    public async Task A_sync_pass_is_a_span_and_counts_what_it_read_and_the_new_failures_by_reason()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0 });
        server.Add(new ApiSubmissionBuilder().WithBatchId("A-7e1e0000-0000-4000-8000-000000000001").WithErrors("Contract Error", "CONTRACT_NOT_FOUND", "RESTRICTED_PROMOCODE"));
        server.Add(new ApiSubmissionBuilder().WithBatchId("A-7e1e0000-0000-4000-8000-000000000002").WithoutErrors());
        using var client = server.CreateClient();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "impact-telemetry-" + Guid.NewGuid().ToString("N") + ".db");
        var spans = new ConcurrentQueue<Activity>();
        using var listener = ListenToSpans(spans);
        var counts = new ConcurrentQueue<(string Name, long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ImpactTelemetry.Name && instrument.Name.StartsWith("impact.sync.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => counts.Enqueue((i.Name, v, Tags(tags))));
        meters.Start();
        try
        {
            await using var store = new Impact.ApiSubmissions.Storage.SqliteSubmissionStore(path);
            await store.MigrateAsync();

            await new SubmissionSync(client, store, new SubmissionSyncOptions { ReportExistingOnFirstPass = true, IncludeFtpFiles = false }).RunPassAsync();

            var pass = spans.Should().ContainSingle(a => a.OperationName == "sync pass" && (string?)a.GetTagItem("impact.account_sid") == server.AccountSid).Subject;
            pass.GetTagItem("impact.sync.pages").Should().Be(1);
            spans.Where(a => a.ParentSpanId == pass.SpanId && a.OperationName == "GET").Should().ContainSingle("the page's call is a child of the pass");
            counts.Where(c => c.Name == "impact.sync.submissions.read").Sum(c => c.Value).Should().Be(2);
            counts.Where(c => c.Name == "impact.sync.failures").Select(c => c.Tags["impact.error_reason"]).Should().BeEquivalentTo(new[] { "CONTRACT_NOT_FOUND", "RESTRICTED_PROMOCODE" });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.File.Delete(path);
        }
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        return map;
    }

    // Every span of the SDK's ActivitySource, sampled and recorded, into the queue as it stops.
    private static ActivityListener ListenToSpans(ConcurrentQueue<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ImpactTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
