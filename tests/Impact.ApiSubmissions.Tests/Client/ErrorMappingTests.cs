using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

public class ErrorMappingTests
{
    private static async Task<ImpactApiException> FailWith(HttpStatusCode status, string body, string mediaType = "application/json", IDictionary<string, string>? headers = null)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Respond(body, mediaType, status, headers));
        using var client = TestClients.Create(handler, TestClients.FastOptions(maxRetries: 0));

        var act = () => client.GetApiSubmissionAsync("A-missing");

        return (await act.Should().ThrowAsync<ImpactApiException>()).Which;
    }

    [Fact]
    public async Task A_401_tells_the_user_to_check_sid_and_token_without_showing_the_token()
    {
        var e = await FailWith(HttpStatusCode.Unauthorized, "{\"Status\":\"ERROR\",\"Message\":\"Authentication failed\"}");

        e.StatusCode.Should().Be(401);
        e.Message.Should().Be("impact.com refused the credentials (401): check the Account SID and Auth Token, and that the base address uses https. The service said: \"Authentication failed\".");
        e.Error!.Message.Should().Be("Authentication failed");
        e.ToString().Should().NotContain(TestClients.Token);
    }

    [Fact]
    public async Task A_403_explains_the_token_scope()
    {
        var e = await FailWith(HttpStatusCode.Forbidden, "{\"Status\":\"ERROR\",\"Message\":\"Access denied\"}");

        e.StatusCode.Should().Be(403);
        e.Message.Should().StartWith("impact.com refused access (403): the Auth Token's scope does not allow API Submissions");
    }

    [Fact]
    public async Task A_404_on_get_names_the_batch_id_and_the_90_day_retention()
    {
        var e = await FailWith(HttpStatusCode.NotFound, "{\"Status\":\"ERROR\",\"Message\":\"Resource not found\"}");

        e.Message.Should().StartWith("impact.com has no submission with BatchId 'A-missing' (404): the BatchId is unknown, or older than the 90-day retention.");
    }

    [Fact]
    public async Task A_429_says_when_the_window_resets_and_exposes_the_rate_limit()
    {
        var e = await FailWith((HttpStatusCode)429, "{\"Status\":\"ERROR\",\"Message\":\"Rate limit exceeded\"}", headers: new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "1000",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = "1800",
        });

        e.Message.Should().StartWith("impact.com's rate limit is used up (429): the window resets in 1800 s (limit 1000 requests per window).");
        e.RateLimit!.Limit.Should().Be(1000);
        e.RateLimit.Remaining.Should().Be(0);
        e.RateLimit.ResetAfter.Should().Be(TimeSpan.FromSeconds(1800));
        e.IsTransient.Should().BeTrue();
    }

    [Fact]
    public async Task A_400_lists_the_field_errors_of_the_envelope()
    {
        var e = await FailWith(HttpStatusCode.BadRequest, "{\"Status\":\"ERROR\",\"Message\":\"Validation Failed\",\"Errors\":[{\"Field\":\"AccountId\",\"Message\":\"Not a numeric value\"}]}");

        e.Error!.Errors.Should().ContainSingle().Which.Field.Should().Be("AccountId");
        e.Message.Should().EndWith("The service said: \"Validation Failed\" (AccountId: Not a numeric value).");
    }

    [Fact]
    public async Task An_empty_body_gives_the_same_exception()
    {
        var e = await FailWith(HttpStatusCode.ServiceUnavailable, string.Empty);

        e.StatusCode.Should().Be(503);
        e.Error.Should().BeNull();
        e.Message.Should().Be("impact.com failed to answer (503 Service Unavailable): a problem on the service's side; try again later. The body was an empty body.");
    }

    [Fact]
    public async Task An_html_page_from_a_proxy_gives_the_same_exception()
    {
        var e = await FailWith(HttpStatusCode.BadGateway, "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");

        e.StatusCode.Should().Be(502);
        e.Message.Should().EndWith("The body was an HTML page, likely from a proxy or gateway.");
        e.Response.Should().Contain("502 Bad Gateway");
    }

    [Fact]
    public async Task An_xml_error_envelope_is_read()
    {
        var e = await FailWith(HttpStatusCode.BadRequest, "<?xml version=\"1.0\"?><ImpactRadiusResponse><Status>ERROR</Status><Message>Invalid PageSize</Message></ImpactRadiusResponse>", "application/xml");

        e.Error!.Message.Should().Be("Invalid PageSize");
        e.Error.Status.Should().Be("ERROR");
    }

    [Fact]
    public async Task A_huge_error_body_is_bounded()
    {
        var e = await FailWith(HttpStatusCode.InternalServerError, new string('x', 1_000_000), "text/plain");

        e.Response!.Length.Should().Be(4096);
    }

    [Fact]
    public async Task A_200_html_page_is_an_api_exception_not_a_parser_error()
    {
        var e = await FailWith(HttpStatusCode.OK, "<html><body>Please log in</body></html>", "text/html");

        e.StatusCode.Should().Be(200);
        e.Message.Should().Contain("text/html instead of JSON");
    }

    [Fact]
    public async Task A_200_with_an_unreadable_field_names_the_field_and_value()
    {
        var e = await FailWith(HttpStatusCode.OK, "{\"BatchId\":\"A-1\",\"CampaignId\":\"12abc\"}");

        e.StatusCode.Should().Be(200);
        e.Message.Should().Be("impact.com answered 200 but the body could not be read: Field 'CampaignId' has value \"12abc\", which is not an integer.");
        e.Should().BeOfType<ImpactWireFormatException>().Which.Field.Should().Be("CampaignId");
    }
    [Fact]
    public async Task The_latest_rate_limit_state_is_exposed_after_a_success()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-1"), headers: new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "1000",
            ["X-RateLimit-Remaining"] = "998",
            ["X-RateLimit-Reset"] = "3412",
        }));
        using var client = TestClients.Create(handler);

        client.RateLimit.Should().BeNull();
        await client.GetApiSubmissionAsync("A-1");

        client.RateLimit!.Remaining.Should().Be(998);
        client.RateLimit.Limit.Should().Be(1000);
        client.RateLimit.ResetAfter.Should().Be(TimeSpan.FromSeconds(3412));
    }
}
