using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>A server or proxy that echoes the Authorization header back: the token reaches no exception, message, header or log.</summary>
public class SecretRedactionTests
{
    private static readonly string Basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestClients.Sid + ":" + TestClients.Token));

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task An_error_body_and_headers_that_echo_the_token_are_redacted(HttpStatusCode status)
    {
        var logs = new List<ApiRequestLogEntry>();
        var handler = new ScriptedHandler((request, _) => ScriptedHandler.Json(
            "{\"Status\":\"ERROR\",\"Message\":\"Bad credentials: " + request.Headers.Authorization + " (token " + TestClients.Token + ")\"}",
            status,
            new Dictionary<string, string> { ["X-Echo-Authorization"] = request.Headers.Authorization!.ToString(), ["X-Token"] = Uri.EscapeDataString(TestClients.Token) }));
        var options = TestClients.FastOptions(maxRetries: 1);
        options.RequestLogged = logs.Add;
        using var client = TestClients.Create(handler, options);

        var act = () => client.GetApiSubmissionAsync("A-1");

        var e = (await act.Should().ThrowAsync<ImpactApiException>()).Which;
        e.Response.Should().Contain("Bad credentials: Basic ***");
        e.Error!.Message.Should().Contain("(token ***)");
        AllText(e).Should().NotContain(TestClients.Token).And.NotContain(Basic);
        logs.Select(l => l.ToString()).Should().NotContain(l => l.Contains(TestClients.Token) || l.Contains(Basic));
    }

    [Fact]
    public async Task A_token_echoed_into_an_unreadable_field_is_redacted_from_the_wire_format_error()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{\"BatchId\":\"A-1\",\"AccountId\":\"" + TestClients.Token + "\"}", HttpStatusCode.OK, new Dictionary<string, string> { ["X-Echo"] = "Basic " + Basic }));
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionAsync("A-1");

        var e = (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which;
        e.Field.Should().Be("AccountId");
        e.Value.Should().Be("***");
        AllText(e).Should().NotContain(TestClients.Token).And.NotContain(Basic);
    }

    [Fact]
    public async Task A_non_json_answer_that_echoes_the_token_is_redacted()
    {
        var handler = new ScriptedHandler((request, _) => ScriptedHandler.Respond("<html>Authorization: " + request.Headers.Authorization + "</html>", "text/html"));
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionAsync("A-1");

        AllText((await act.Should().ThrowAsync<ImpactApiException>()).Which).Should().NotContain(Basic);
    }

    // Everything an exception shows: message, ToString (the generated one prints the response), body and headers.
    private static string AllText(ImpactApiException e) =>
        string.Join("\n", new[] { e.Message, e.ToString(), e.Response ?? string.Empty }
            .Concat(e.Headers.SelectMany(h => h.Value.Select(v => h.Key + ": " + v))));
}
