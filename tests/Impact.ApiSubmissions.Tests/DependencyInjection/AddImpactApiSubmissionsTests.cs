using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Impact.ApiSubmissions.Tests.DependencyInjection;

public class AddImpactApiSubmissionsTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public async Task Every_client_option_set_in_code_reaches_the_client_and_the_callers_log_runs_beside_ILogger()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-1")));
        var logged = new List<ApiRequestLogEntry>();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddImpactApiSubmissions(o =>
            {
                o.AccountSid = "IRcodeSid";
                o.AuthToken = "code-token-123";
                o.BaseAddress = new Uri("http://127.0.0.1:5998/");
                o.ApiVersion = 13;
                o.UserAgentSuffix = "my-app/2.0";
                o.RequestLogged = logged.Add;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ApiSubmissionsClient>().GetApiSubmissionAsync("A-1");

        var request = handler.Requests.Single();
        request.RequestUri!.AbsoluteUri.Should().Be("http://127.0.0.1:5998/Advertisers/IRcodeSid/APISubmissions/A-1");
        request.Headers.GetValues("IR-Version").Should().Equal("13");
        string.Join(" ", request.Headers.GetValues("User-Agent")).Should().EndWith("my-app/2.0");
        logged.Should().ContainSingle().Which.StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task Options_are_bound_from_configuration_and_the_client_comes_from_the_http_client_factory()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-1")));
        var services = new ServiceCollection();
        services.AddImpactApiSubmissions(Configuration(new()
            {
                ["AccountSid"] = "IRconfigSid",
                ["AuthToken"] = "config-token-123",
                ["BaseAddress"] = "http://127.0.0.1:5999/",
                ["ApiVersion"] = "14",
                ["Retry:MaxRetries"] = "5",
                ["Retry:AttemptTimeout"] = "00:00:07",
            }))
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ApiSubmissionsClient>();
        await client.GetApiSubmissionAsync("A-1");

        var options = provider.GetRequiredService<IOptions<ImpactApiSubmissionsOptions>>().Value;
        options.Retry.MaxRetries.Should().Be(5);
        options.Retry.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(7));
        var request = handler.Requests.Single();
        request.RequestUri!.AbsoluteUri.Should().Be("http://127.0.0.1:5999/Advertisers/IRconfigSid/APISubmissions/A-1");
        request.Headers.GetValues("IR-Version").Should().Equal("14");
        request.Headers.Authorization!.Scheme.Should().Be("Basic");
    }

    [Fact]
    public void Missing_credentials_fail_with_a_message_that_names_the_key()
    {
        var services = new ServiceCollection();
        services.AddImpactApiSubmissions(o => o.AccountSid = "IRsid");
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ApiSubmissionsClient>();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("AuthToken is required");
    }

    [Fact]
    public async Task The_registered_client_does_not_follow_a_redirect_to_another_origin()
    {
        await using var elsewhere = new LoopbackServer((_, stream, token) => LoopbackServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", token));
        await using var service = new LoopbackServer((_, stream, token) => LoopbackServer.WriteAsync(
            stream, $"HTTP/1.1 307 Temporary Redirect\r\nLocation: {elsewhere.BaseAddress}x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token));
        var services = new ServiceCollection();
        services.AddImpactApiSubmissions(o =>
        {
            o.AccountSid = "IRsid";
            o.AuthToken = "token";
            o.BaseAddress = service.BaseAddress;
            o.Retry = TestClients.FastOptions(maxRetries: 0).Retry;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ApiSubmissionsClient>().GetApiSubmissionAsync("A-1");

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(307);
        elsewhere.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Requests_are_logged_through_ILogger_without_secrets()
    {
        var logger = new CapturingLoggerProvider();
        var handler = new ScriptedHandler((_, call) => call == 1
            ? ScriptedHandler.Json("{}", HttpStatusCode.ServiceUnavailable)
            : ScriptedHandler.Json(TestClients.Submission("A-1")));
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logger));
        services.AddImpactApiSubmissions(o =>
            {
                o.AccountSid = "IRsid";
                o.AuthToken = "never-log-this-token";
                o.Retry = TestClients.FastOptions().Retry;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ApiSubmissionsClient>().GetApiSubmissionAsync("A-1");

        var ours = logger.Lines.Where(l => l.Category == "Impact.ApiSubmissions").ToList();
        ours.Select(l => (l.Level, l.Message)).Should().HaveCount(2);
        ours[0].Level.Should().Be(LogLevel.Warning);
        ours[0].Message.Should().StartWith("impact.com GET /Advertisers/IRsid/APISubmissions/A-1 answered 503 (attempt 1, ");
        ours[1].Level.Should().Be(LogLevel.Information);
        ours[1].Message.Should().StartWith("impact.com GET /Advertisers/IRsid/APISubmissions/A-1 answered 200 (attempt 2, ");
        logger.Lines.Should().OnlyContain(l => !l.Message.Contains("never-log-this-token") && !l.Message.Contains("Authorization"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
