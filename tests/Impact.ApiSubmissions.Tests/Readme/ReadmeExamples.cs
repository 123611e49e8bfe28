using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Readme;

/// <summary>
/// The README's C# examples, compiled and run against the mock impact.com. The README shows each
/// region's text verbatim (see <see cref="ReadmeSnippetTests"/>).
/// </summary>
public sealed class ReadmeExamples : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly ApiSubmissionsClient client;
    private readonly CancellationToken cancellationToken = CancellationToken.None;

    public ReadmeExamples(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 7, SubmissionCount = 240 });
        client = _server.CreateClient();
    }

    public void Dispose()
    {
        client.Dispose();
    }

    [Fact]
    public async Task Get_one()
    {
        var batchId = _server.Submissions.First(s => s.HasErrors).BatchId!;
        var lines = new List<string>();
        void WriteLine(string line) => lines.Add(line);

        #region readme-get-one
        ApiSubmission submission = await client.GetApiSubmissionAsync(batchId, cancellationToken);
        WriteLine($"{submission.BatchId}: {submission.Status}");
        if (submission.IsComplete && submission.HasErrors)
        {
            WriteLine($"{submission.ErrorType}:");
            foreach (ErrorReason reason in submission.ErrorReasons)
            {
                WriteLine($"  {reason.Code}: {reason.Description ?? "(a code this SDK does not know yet)"}");
            }
        }
        #endregion

        lines[0].Should().Be($"{batchId}: Complete");
        lines.Count.Should().BeGreaterThan(2);
    }

    [Fact]
    public async Task Paging()
    {
        var lines = new List<string>();
        void WriteLine(string line) => lines.Add(line);

        #region readme-paging
        var options = new ApiSubmissionListOptions { PageSize = 100, MaxConcurrency = 4 };

        var failures = new List<ApiSubmission>();
        await foreach (ApiSubmission s in client.GetApiSubmissionsAsync(options, cancellationToken))
        {
            if (s.HasErrors)
            {
                failures.Add(s);
            }
        }

        await foreach (ImpactPage<ApiSubmission> page in client.GetApiSubmissionsAsync(options, cancellationToken).AsPages())
        {
            WriteLine($"page {page.PageInfo.Page} of {page.PageInfo.NumPages}: {page.Items.Count} submissions");
        }
        #endregion

        failures.Select(s => s.BatchId).Should().Equal(_server.Submissions.Where(s => s.HasErrors).Select(s => s.BatchId));
        lines.Should().Equal("page 1 of 3: 100 submissions", "page 2 of 3: 100 submissions", "page 3 of 3: 40 submissions");
    }

    [Fact]
    public async Task Waiting()
    {
        var batchId = ApiSubmission.BatchIdFromUri(_server.AddProgressingSubmission().Uri!)!;
        var statuses = new List<string>();
        void WriteLine(string line) => statuses.Add(line);

        #region readme-waiting
        // For a conversion you sent: ApiSubmission.BatchIdFromUri(queued.QueuedUri) gives the BatchId to wait for.
        ApiSubmission done = await client.WaitForCompletionAsync(batchId, new WaitOptions<ApiSubmission>
        {
            PollInterval = TimeSpan.FromSeconds(1),   // then 2 s, 4 s, ... up to MaxPollInterval
            Timeout = TimeSpan.FromMinutes(5),
            StatusChanged = s => WriteLine($"{s.BatchId} is {s.Status}"),
        }, cancellationToken);
        #endregion

        done.IsComplete.Should().BeTrue();
        statuses.Should().Equal($"{batchId} is Queued", $"{batchId} is In Progress", $"{batchId} is Complete");
    }

    [Fact]
    public async Task Payload()
    {
        const string reference = "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=1234567890123&ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36FUkiXxtxVUQTEzY0&CustomerId=BCZ2WVSH674563PDPYOTM3AXDQ&OrderPromoCode=10OFF-FORGE&CustomerStatus=NEW&CustomerPostCode=93107&CurrencyCode=USD&OrderDiscount=5&IpAddress=12.345.678.90&ItemSku1=12345&ItemName1=Anvil&ItemCategory1=Anvils&ItemQuantity1=2&ItemPrice1=10&ItemSku2=55555&ItemName2=Hammer&ItemCategory2=Hammers&ItemQuantity2=1&ItemPrice2=6.99";
        var submission = _server.Add(new ApiSubmissionBuilder().WithPayload(reference));
        var lines = new List<string>();
        void WriteLine(string? line) => lines.Add(line ?? "(none)");

        #region readme-payload
        SubmissionPayload payload = submission.ParsePayload();
        WriteLine($"campaign {payload.CampaignId}, order {payload.OrderId}, at {payload.EventDate:yyyy-MM-dd HH:mm zzz}");
        foreach (PayloadItem item in payload.Items)
        {
            WriteLine($"  item {item.Index}: {item.Sku} {item.Name}, {item.Quantity} x {item.Price}");
        }

        WriteLine(payload["ClickId"]); // any key by name, decoded once as the server decoded it

        // Correct a failed conversion and send it again:
        foreach (PayloadProblem problem in payload.Validate(submission.Type ?? SubmissionType.Conversion))
        {
            WriteLine(problem.Message);
        }

        payload.Items[0].Quantity = 3;
        payload.OrderDiscount = 7.5m;
        string body = payload.ToString(); // form-urlencoded; untouched fields keep their original text
        #endregion

        lines.Should().Equal(
            "campaign 1000, order 1234567890123, at 2024-08-01 23:55 -08:00",
            "  item 1: 12345 Anvil, 2 x 10",
            "  item 2: 55555 Hammer, 1 x 6.99",
            "SKhRQaSXwxyOUQ%3AwUx0Mo36FUkiXxtxVUQTEzY0");
        body.Should().Be(reference.Replace("OrderDiscount=5", "OrderDiscount=7.5").Replace("ItemQuantity1=2", "ItemQuantity1=3"));
        SubmissionPayload.Parse(body).Items[0].Quantity.Should().Be(3);
    }

    [Fact]
    public async Task Errors()
    {
        var messages = new List<string>();
        void WriteLine(string line) => messages.Add(line);

        #region readme-errors
        try
        {
            await client.GetApiSubmissionAsync("A-00000000-0000-0000-0000-000000000000", cancellationToken);
        }
        catch (ImpactApiException e) when (e.StatusCode == 404)
        {
            WriteLine(e.Message); // names the BatchId and the 90-day retention
        }
        catch (ImpactApiException e) when (e.StatusCode == 429)
        {
            WriteLine($"Rate limited: the window resets in {e.RateLimit?.ResetAfter}.");
        }
        #endregion

        messages.Should().Equal("impact.com has no submission with BatchId 'A-00000000-0000-0000-0000-000000000000' (404): the BatchId is unknown, or older than the 90-day retention. The service said: \"Resource not found\".");
    }

    [Fact]
    public async Task Dependency_injection()
    {
        var (accountSid, authToken, baseAddress) = (_server.AccountSid, _server.AuthToken, new Uri(_server.BaseUrl));
        var batchId = _server.Submissions[0].BatchId!;
        var lines = new List<string>();
        void WriteLine(string line) => lines.Add(line);

        #region readme-di
        // An app's configuration has the section already (appsettings.json, user secrets, the environment); here it holds the values above.
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ImpactApiSubmissions:AccountSid"] = accountSid,
            ["ImpactApiSubmissions:AuthToken"] = authToken,
            ["ImpactApiSubmissions:BaseAddress"] = baseAddress.ToString(),
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddImpactApiSubmissions(configuration.GetSection("ImpactApiSubmissions"));

        using var provider = services.BuildServiceProvider();
        var submissions = provider.GetRequiredService<ApiSubmissionsClient>();
        WriteLine($"{(await submissions.GetApiSubmissionAsync(batchId, cancellationToken)).BatchId} read through dependency injection");
        #endregion

        lines.Should().Equal($"{batchId} read through dependency injection");
        _server.ReceivedRequests.Should().ContainSingle(r => r.PathAndQuery.EndsWith("/APISubmissions/" + batchId, StringComparison.Ordinal), "the client DI built called the mock");
    }
}
