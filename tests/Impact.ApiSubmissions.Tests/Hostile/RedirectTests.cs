using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Client;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Hostile;

/// <summary>
/// A client built on the caller's own <c>new HttpClient()</c>, which follows redirects by itself: whatever impact.com's
/// address redirects to (another host, another port, another account), the answer from there is refused, for a GET and
/// for the conversion POST, with every redirect status .NET follows.
/// </summary>
public sealed class RedirectTests : IAsyncDisposable
{
    private const string Sid = TestClients.Sid;
    private readonly LoopbackServer _elsewhere;
    private readonly LoopbackServer _impact;
    private int _redirectStatus;
    private string _location = string.Empty;

    public RedirectTests()
    {
        // Another host: a second loopback address, answering like impact.com would.
        _elsewhere = new LoopbackServer((head, stream, token) => AnswerAsync(head, stream, token), IPAddress.Parse("127.0.0.2"));
        _impact = new LoopbackServer(async (head, stream, token) =>
        {
            if (head.Contains("/IRother99/", StringComparison.Ordinal) || head.Contains("moved=1", StringComparison.Ordinal))
            {
                await AnswerAsync(head, stream, token);
                return;
            }

            await LoopbackServer.WriteAsync(stream, $"HTTP/1.1 {_redirectStatus} Moved\r\nLocation: {_location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token);
        });
    }

    public enum Target
    {
        AnotherHost,
        AnotherPort,
        AnotherAccount,
    }

    [Theory]
    [CombinatorialStatuses]
    public async Task A_get_redirected_elsewhere_is_refused_naming_where_the_answer_came_from(int status, Target target)
    {
        var final = Arrange(status, target, "APISubmissions/A-1");
        using var http = new HttpClient();
        using var client = new ApiSubmissionsClient(http, new ImpactCredentials(Sid, TestClients.Token), Options());

        var act = () => client.GetApiSubmissionAsync("A-1");

        var e = (await act.Should().ThrowAsync<ImpactOriginRefusedException>()).Which;
        e.RefusedUri.Should().Be(final);
        e.Message.Should().Contain(final).And.Contain("redirect").And.NotContain(TestClients.Token).And.NotContain("form");
    }

    [Theory]
    [CombinatorialStatuses]
    public async Task A_listing_redirected_elsewhere_is_refused(int status, Target target)
    {
        var final = Arrange(status, target, "APISubmissions?Page=1&PageSize=1000");
        using var http = new HttpClient();
        using var client = new ApiSubmissionsClient(http, new ImpactCredentials(Sid, TestClients.Token), Options());

        var act = async () =>
        {
            await foreach (var _ in client.GetApiSubmissionsAsync())
            {
            }
        };

        (await act.Should().ThrowAsync<ImpactOriginRefusedException>()).Which.RefusedUri.Should().Be(final);
    }

    [Theory]
    [CombinatorialStatuses]
    public async Task A_conversion_post_redirected_elsewhere_is_refused_and_says_the_form_may_have_reached_it(int status, Target target)
    {
        var final = Arrange(status, target, "APISubmissions/A-2");
        using var http = new HttpClient();
        using var client = new ApiSubmissionsClient(http, new ImpactCredentials(Sid, TestClients.Token), Options());

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse("CampaignId=1001&ActionTrackerId=4000&EventDate=2026-01-02T03:04:05-08:00&OrderId=O-1&ClickId=c1"));

        var e = (await act.Should().ThrowAsync<ImpactOriginRefusedException>()).Which;
        e.RefusedUri.Should().Be(final);
        e.Message.Should().Contain(final).And.Contain("The conversion's form may have reached that address").And.NotContain(TestClients.Token);
    }

    [Fact]
    public async Task A_redirect_within_the_account_on_the_base_address_is_followed()
    {
        // The same origin and account: the gate allows it, so the caller's HttpClient may follow it.
        _redirectStatus = 307;
        _location = new Uri(_impact.BaseAddress, $"Advertisers/{Sid}/APISubmissions/A-1?moved=1").AbsoluteUri;
        using var http = new HttpClient();
        using var client = new ApiSubmissionsClient(http, new ImpactCredentials(Sid, TestClients.Token), Options(_impact.BaseAddress));

        var submission = await client.GetApiSubmissionAsync("A-1");

        submission.BatchId.Should().Be("A-1");
    }

    public async ValueTask DisposeAsync()
    {
        await _impact.DisposeAsync();
        await _elsewhere.DisposeAsync();
        if (_otherPort is not null)
        {
            await _otherPort.DisposeAsync();
        }
    }

    private string Arrange(int status, Target target, string resource)
    {
        _redirectStatus = status;
        _location = target switch
        {
            Target.AnotherHost => new Uri(_elsewhere.BaseAddress, $"Advertisers/{Sid}/{resource}").AbsoluteUri,
            Target.AnotherPort => $"http://127.0.0.1:{FreePortWithServer()}/Advertisers/{Sid}/{resource}",
            _ => new Uri(_impact.BaseAddress, $"Advertisers/IRother99/{resource}").AbsoluteUri,
        };
        return _location;
    }

    private ApiSubmissionsClientOptions Options(Uri? baseAddress = null)
    {
        var options = TestClients.FastOptions(maxRetries: 0);
        options.BaseAddress = baseAddress ?? _impact.BaseAddress;
        return options;
    }

    // Another port on 127.0.0.1: a third server, started once per test and disposed with the class.
    private LoopbackServer? _otherPort;

    private int FreePortWithServer()
    {
        _otherPort ??= new LoopbackServer((head, stream, token) => AnswerAsync(head, stream, token));
        return _otherPort.BaseAddress.Port;
    }

    // Answers as impact.com would: a submission for a GET of one, a page for a list, a queued conversion for a POST.
    private static async Task AnswerAsync(string head, NetworkStream stream, CancellationToken token)
    {
        string body;
        if (head.StartsWith("POST", StringComparison.Ordinal))
        {
            body = "{\"Status\":\"QUEUED\",\"QueuedUri\":\"/Advertisers/" + Sid + "/APISubmissions/A-2\"}";
        }
        else if (head.Contains("APISubmissions?", StringComparison.Ordinal))
        {
            body = "{\"@page\":\"1\",\"@numpages\":\"1\",\"@pagesize\":\"1000\",\"@total\":\"1\",\"@start\":\"1\",\"@end\":\"1\",\"@uri\":\"\",\"@firstpageuri\":\"\",\"@previouspageuri\":\"\",\"@nextpageuri\":\"\",\"@lastpageuri\":\"\",\"APISubmission\":[" + TestClients.Submission("A-1") + "]}";
        }
        else
        {
            body = TestClients.Submission(head.Contains("A-2", StringComparison.Ordinal) ? "A-2" : "A-1");
        }

        var bytes = Encoding.UTF8.GetByteCount(body);
        await LoopbackServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n{body}", token);
    }

    /// <summary>Every redirect status .NET's handler follows, against each kind of elsewhere.</summary>
    private sealed class CombinatorialStatusesAttribute : Xunit.Sdk.DataAttribute
    {
        public override System.Collections.Generic.IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod)
        {
            foreach (var status in new[] { 301, 302, 303, 307, 308 })
            {
                foreach (var target in Enum.GetValues<Target>())
                {
                    yield return new object[] { status, target };
                }
            }
        }
    }
}
