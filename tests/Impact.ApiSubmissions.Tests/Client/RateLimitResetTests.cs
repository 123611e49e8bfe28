using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using FluentAssertions;
using Impact.ApiSubmissions.Http;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>X-RateLimit-Reset is documented as seconds, but impact.com's own example is a Unix time: both read right.</summary>
public class RateLimitResetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1800", 1800)]
    [InlineData("0", 0)]
    [InlineData("1000000000", 1000000000)]
    public void A_value_up_to_one_billion_is_a_delay_in_seconds(string header, long seconds)
    {
        State(header).ResetAfter.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void A_value_above_one_billion_is_a_unix_time()
    {
        var state = State((Now.ToUnixTimeSeconds() + 42).ToString());

        state.ResetAfter.Should().Be(TimeSpan.FromSeconds(42));
        state.ResetsAt.Should().Be(Now.AddSeconds(42));
    }

    [Fact]
    public void A_unix_time_in_the_past_means_no_wait()
    {
        State("1487332519").ResetAfter.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_rate_limit_wait_stays_capped_whatever_the_reset_says()
    {
        var far = State((Now.ToUnixTimeSeconds() + 86_400).ToString());
        var e = new ImpactApiException(429, "rate limited", null, null, null, far, null);

        ImpactResiliencePipeline.RateLimitDelay(e, TimeSpan.FromSeconds(60)).Should().Be(TimeSpan.FromSeconds(60));
    }

    private static RateLimitState State(string reset)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset);
        return Impact.ApiSubmissions.Http.RateLimitHeaders.Read(response, Now)!;
    }
}
