using System;
using System.Collections.Generic;
using System.Globalization;
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

    // Values under the cap, so the cap cannot hide how the reset was read: as seconds, "30" is a 30 s wait (as a
    // Unix time it would be long past: no wait); as a Unix time, now + 42 is a 42 s wait (as seconds: 56 years, capped to 60 s).
    [Theory]
    [InlineData("30", 30)]
    [InlineData("unix+42", 42)]
    [InlineData("600", 60)]
    [InlineData("unix+600", 60)]
    public void The_wait_after_a_429_is_the_reset_read_the_right_way_and_capped(string reset, int expectedSeconds)
    {
        var header = reset.StartsWith("unix+", StringComparison.Ordinal)
            ? (Now.ToUnixTimeSeconds() + long.Parse(reset.Substring(5), CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)
            : reset;
        var e = new ImpactApiException(429, "rate limited", null, null, null, State(header), null);

        ImpactResiliencePipeline.RateLimitDelay(e, TimeSpan.FromSeconds(60)).Should().Be(TimeSpan.FromSeconds(expectedSeconds));
    }

    private static RateLimitState State(string reset)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset);
        return Impact.ApiSubmissions.Http.RateLimitHeaders.Read(response, Now)!;
    }
}
