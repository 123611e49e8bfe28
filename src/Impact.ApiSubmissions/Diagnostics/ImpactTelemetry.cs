using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Impact.ApiSubmissions;

/// <summary>
/// The SDK's traces and metrics, with <c>System.Diagnostics</c> only: listen with OpenTelemetry
/// (<c>AddSource(ImpactTelemetry.Name)</c>, <c>AddMeter(ImpactTelemetry.Name)</c>) or an <see cref="ActivityListener"/> and a
/// <see cref="MeterListener"/>. A span per call (<c>impact.operation</c>, <c>http.request.method</c>,
/// <c>http.response.status_code</c>, <c>impact.attempts</c>) with an event per retry and per 429; OpenTelemetry's
/// <c>http.client.request.duration</c> per attempt; counters of requests, retries and 429s; the rate-limit remaining;
/// and, from <see cref="SubmissionSync"/>, submissions read and failures by reason. Nothing secret is recorded.
/// </summary>
public static class ImpactTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>: the package's name.</summary>
    public const string Name = "Impact.ApiSubmissions";

    private static readonly string? Version = typeof(ImpactTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);
    internal static readonly Meter Meter = new(Name, Version);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("impact.client.requests", "{request}", "HTTP requests sent to impact.com, every attempt.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("impact.client.retries", "{request}", "Attempts after the first of a call.");
    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("impact.client.rate_limited", "{response}", "Responses with status 429.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("http.client.request.duration", "s", "Duration of HTTP client requests.");
    private static readonly Histogram<int> Remaining = Meter.CreateHistogram<int>("impact.client.rate_limit.remaining", "{request}", "X-RateLimit-Remaining of each response that carried it.");

    /// <summary>Starts the span of one call to impact.com (all its attempts); null when nobody listens.</summary>
    internal static Activity? StartCall(string method, Uri uri, string operationId, string pathTemplate)
    {
        var activity = Source.StartActivity(method, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
            activity.SetTag("url.path", uri.AbsolutePath);
            activity.SetTag("url.template", "/" + pathTemplate);
            activity.SetTag("impact.operation", operationId);
        }

        return activity;
    }

    /// <summary>Records one attempt: its metrics, and on the call's span its status and a retry or 429 event.</summary>
    internal static void Attempt(string method, Uri uri, int? status, int attempt, TimeSpan elapsed, string? failure, RateLimitState? rateLimit)
    {
        var tags = new TagList
        {
            { "http.request.method", method },
            { "server.address", uri.Host },
        };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        if (failure is not null || status is >= 400)
        {
            tags.Add("error.type", status is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "transport");
        }

        Requests.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
        if (attempt > 1)
        {
            Retries.Add(1, tags);
        }

        if (status == 429)
        {
            RateLimited.Add(1, tags);
        }

        if (rateLimit?.Remaining is { } remaining)
        {
            Remaining.Record(remaining, new KeyValuePair<string, object?>("server.address", uri.Host));
        }

        var activity = Activity.Current;
        if (activity is null || activity.Source != Source)
        {
            return;
        }

        activity.SetTag("impact.attempts", attempt);
        if (status is { } answered)
        {
            activity.SetTag("http.response.status_code", answered);
        }

        if (attempt > 1)
        {
            activity.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { { "impact.attempt", attempt } }));
        }

        if (status == 429)
        {
            activity.AddEvent(new ActivityEvent("rate_limited", tags: new ActivityTagsCollection { { "impact.retry_after_s", rateLimit?.SuggestedDelay?.TotalSeconds } }));
        }

        var failed = failure is not null || status is >= 400;
        activity.SetStatus(failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok, failed ? failure ?? "HTTP " + status : null);
    }
}
