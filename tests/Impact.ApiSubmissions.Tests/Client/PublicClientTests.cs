using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>What a user holds: credentials at construction, options read once, virtual members for mocks.</summary>
public class PublicClientTests
{
    [Fact]
    public async Task Options_changed_after_construction_change_nothing()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-1")));
        var logged = 0;
        var options = TestClients.FastOptions();
        options.RequestLogged = _ => logged++;
        options.UserAgentSuffix = "first/1";
        using var client = TestClients.Create(handler, options);

        options.BaseAddress = new Uri("https://evil.example.com/");
        options.UserAgentSuffix = "second/2";
        options.ApiVersion = 99;
        options.RequestLogged = null;
        await client.GetApiSubmissionAsync("A-1");

        var request = handler.Requests.Single();
        request.RequestUri!.Host.Should().Be("api.impact.com");
        string.Join(" ", request.Headers.GetValues("User-Agent")).Should().EndWith("first/1");
        request.Headers.Contains("IR-Version").Should().BeFalse();
        logged.Should().Be(1);
    }

    [Fact]
    public async Task The_rate_limit_cap_is_the_one_set_at_construction()
    {
        // Retry-After asks for an hour; the cap at construction is 300 ms. Raising the cap afterwards must not
        // make the client wait the hour (the overall deadline, 20 s, would end the call with a timeout instead).
        var handler = new ScriptedHandler((_, call) => call == 1
            ? ScriptedHandler.Json("{}", (System.Net.HttpStatusCode)429, new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "3600" })
            : ScriptedHandler.Json(TestClients.Submission("A-1")));
        var options = TestClients.FastOptions();
        using var client = TestClients.Create(handler, options);

        options.Retry.MaxRateLimitDelay = TimeSpan.FromHours(2);
        var got = await client.GetApiSubmissionAsync("A-1");

        got.BatchId.Should().Be("A-1");
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task A_mock_overrides_the_virtual_members_it_needs()
    {
        var mock = new OneSubmissionClient();

        var got = await mock.GetApiSubmissionAsync("A-7");
        var listed = await mock.GetApiSubmissionsAsync().ToListAsync();

        got.BatchId.Should().Be("A-7");
        listed.Select(s => s.BatchId).Should().Equal("A-1");
    }

    [Fact]
    public async Task A_mock_member_left_alone_says_so()
    {
        var mock = new OneSubmissionClient();

        var act = () => mock.WaitForCompletionAsync("A-1");

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("for mocking");
    }

    [Fact]
    public void An_option_set_to_null_is_a_clear_argument_error_naming_it()
    {
        var credentials = new ImpactCredentials("IRsid4567", "token-not-shown");

        var noAddress = () => new ApiSubmissionsClient(credentials, new ApiSubmissionsClientOptions { BaseAddress = null! });
        var noRetry = () => new ApiSubmissionsClient(credentials, new ApiSubmissionsClientOptions { Retry = null! });

        noAddress.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*BaseAddress*");
        noRetry.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*Retry*");
    }

    [Fact]
    public void Every_public_constructor_takes_credentials()
    {
        var constructors = typeof(ApiSubmissionsClient).GetConstructors();

        constructors.Should().NotBeEmpty().And.OnlyContain(c => c.GetParameters().Any(p => p.ParameterType == typeof(ImpactCredentials)));
    }

    [Fact]
    public async Task Dispose_leaves_an_http_client_passed_in_usable()
    {
        using var http = new HttpClient(new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-1"))));
        var client = new ApiSubmissionsClient(http, new ImpactCredentials(TestClients.Sid, TestClients.Token));

        client.Dispose();

        (await http.GetAsync("https://api.impact.com/")).IsSuccessStatusCode.Should().BeTrue();
        client.ToString().Should().Contain(TestClients.Sid).And.NotContain(TestClients.Token);
    }

    private sealed class OneSubmissionClient : ApiSubmissionsClient
    {
        public override Task<ApiSubmission> GetApiSubmissionAsync(string batchId, CancellationToken cancellationToken = default) =>
            Task.FromResult(ApiSubmissionsModelFactory.ApiSubmission(batchId: batchId, status: SubmissionStatus.Complete));

        public override ImpactPageable<ApiSubmission> GetApiSubmissionsAsync(ApiSubmissionListOptions? options = null, CancellationToken cancellationToken = default) =>
            ImpactPageable<ApiSubmission>.FromPages(new[] { ApiSubmissionsModelFactory.Page(new[] { ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-1") }) });
    }
}

internal static class AsyncEnumerableExtensions
{
    public static async Task<System.Collections.Generic.List<T>> ToListAsync<T>(this System.Collections.Generic.IAsyncEnumerable<T> items)
    {
        var list = new System.Collections.Generic.List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
