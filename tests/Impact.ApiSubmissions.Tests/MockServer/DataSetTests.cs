using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class DataSetTests : IClassFixture<SharedMockServer>, IDisposable
{
    internal static readonly DateTimeOffset Now = new(2025, 3, 20, 18, 30, 0, TimeSpan.Zero);

    private static readonly string[] DocumentedReasons =
    {
        "ACTION_REF_NOT_FOUND", "ACTIONTERMS_NOT_FOUND", "ACTIONTRACKER_CAMPAIGN_MISMATCH", "ACTIONTRACKER_NOT_ACTIVE",
        "ACTIONTRACKER_NOT_FOUND", "BLACKLISTED_SOURCE_IP", "BLOCKED_BY_PROMOCODE", "CALL_DUPLICATE", "CALL_DURATION_TOO_SHORT",
        "CALL_FOR_CALL_PER_CONV_AT", "CALL_INCOMPLETE", "CALL_OUTSIDE_DAILY_RANGE", "CAMPAIGN_NOT_FOUND", "CONTRACT_NOT_FOUND",
        "CONV_DUPLICATE", "CREDITING_RULE_MISMATCH", "MALFORMED", "MAX_RECURRENCES_REACHED", "NO_ITEM", "NO_VALID_ACTION_REF",
        "OID_MISSING", "OTHER_REF_PRIORITIZED", "OUTSIDE_ASSOCIATION_WINDOW", "PARTNER_NOT_ACTIVE", "REFTYPE_NOT_ACCEPTED",
        "RESTRICTED_PROMOCODE", "UNCLAIMED",
    };

    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public DataSetTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(Options(42));
        _http = _server.CreateHttpClient();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task The_same_seed_gives_the_same_data_set_byte_for_byte()
    {
        using var again = ImpactMockServer.Start(Options(42));
        using var http = again.CreateHttpClient();

        var first = await _http.GetStringAsync(_server.ListPath().TrimStart('/'));
        var second = await http.GetStringAsync(again.ListPath().TrimStart('/'));

        second.Should().Be(first);
    }

    [Fact]
    public void A_seed_always_gives_the_same_first_submissions()
    {
        // Pinned so that a change to the generator, which changes every user's data, is a visible decision.
        _server.Submissions.Take(3).Select(s => s.BatchId).Should().Equal(
            "A-812be409-caa8-b241-a512-00defc9c5c95",
            "A-t2124gl4-xnlf-sl8q-9fy6-lsphkhpzb3cv",
            "A-1a3011f9-1425-0d93-dfa3-35276a33a0d8");
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        using var other = ImpactMockServer.Start(Options(43));

        other.Submissions.Select(s => s.BatchId).Should().NotIntersectWith(_server.Submissions.Select(s => s.BatchId));
    }

    [Fact]
    public void BatchIds_are_unique_and_shaped_like_impact_com_ones()
    {
        var ids = _server.Submissions.Select(s => s.BatchId!).ToList();

        ids.Should().HaveCount(300).And.OnlyHaveUniqueItems();
        ids.Should().OnlyContain(id => Regex.IsMatch(id, "^A-[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$"));
        ids.Should().Contain(id => Regex.IsMatch(id, "[g-z]"), "some BatchIds are not GUIDs");
        ids.Where(id => Guid.TryParse(id.Substring(2), out var _)).Should().NotBeEmpty("most BatchIds look like GUIDs");
    }

    [Fact]
    public void Submissions_fall_in_the_90_days_before_now_oldest_first()
    {
        var dates = _server.Submissions.Select(s => s.SubmissionDate!.Value).ToList();

        dates.Should().OnlyContain(d => d > Now.AddDays(-90) && d <= Now);
        dates.Should().BeInAscendingOrder();
        dates.Select(d => d.Offset).Distinct().Should().BeSubsetOf(new[] { TimeSpan.FromHours(-7), TimeSpan.FromHours(-8) });
    }

    [Fact]
    public void The_data_set_mixes_types_statuses_and_errors()
    {
        var all = _server.Submissions;

        all.Select(s => s.Type!.Value).Distinct().Should().BeEquivalentTo(new[] { SubmissionType.Conversion, SubmissionType.Modification, SubmissionType.Reversal });
        all.Select(s => s.Status!.Value).Distinct().Should().BeEquivalentTo(new[] { SubmissionStatus.Queued, SubmissionStatus.InProgress, SubmissionStatus.Complete });
        // The DTOs read as a client reads the wire: an absent error type is null.
        all.Select(s => s.ErrorType).Distinct().Should().BeEquivalentTo(new SubmissionErrorType?[] { null, SubmissionErrorType.Validation, SubmissionErrorType.ContractError });
        all.Count(s => s.Status == SubmissionStatus.Complete && s.ErrorType is null).Should().BeGreaterThan(150);

        var reasons = all.Where(s => s.ErrorReason != "").SelectMany(s => s.ErrorReason!.Split(' ')).ToList();
        reasons.Should().BeSubsetOf(DocumentedReasons);
        reasons.Distinct().Should().HaveCountGreaterThan(20);
        all.Should().Contain(s => s.ErrorReason != null && s.ErrorReason.Contains(' '), "some submissions carry several reasons");
    }

    [Fact]
    public void Only_finished_submissions_have_a_completion_date_and_errors()
    {
        foreach (var s in _server.Submissions)
        {
            if (s.Status == SubmissionStatus.Complete)
            {
                s.CompletionDate.Should().BeAfter(s.SubmissionDate!.Value);
            }
            else
            {
                s.CompletionDate.Should().BeNull();
                s.ErrorType.Should().BeNull();
                s.ErrorReason.Should().BeNullOrEmpty();
                s.SubmissionDate.Should().BeAfter(Now.AddMinutes(-15), "unfinished submissions are recent");
            }
        }
    }

    [Fact]
    public async Task Submissions_are_written_in_the_real_wire_format()
    {
        var page = await _http.GetJsonAsync(_server.ListPath());
        var submissions = page["APISubmission"]!.Cast<JObject>().ToList();

        var fields = Foundation.SpecFile.SchemaProperties("ApiSubmission");
        submissions.Should().OnlyContain(s => s.Properties().Select(p => p.Name).SequenceEqual(fields));
        submissions.Should().OnlyContain(s => s.Properties().All(p => p.Value.Type == JTokenType.String || (p.Name == "OrderId" && p.Value.Type == JTokenType.Null)));
        submissions.Should().OnlyContain(s => (string)s["AccountId"]! == "10001");
        submissions.Should().Contain(s => (string)s["CompletionDate"]! == "" && (string)s["Status"]! == "Queued");
        submissions.Should().Contain(s => (string)s["Status"]! == "In Progress");
        submissions.Should().Contain(s => (string)s["ErrorType"]! == "" && (string)s["ErrorReason"]! == "");
        submissions.Should().OnlyContain(s => (string)s["MediaPartnerId"]! != "", "no source shows an empty MediaPartnerId");
        submissions.Should().Contain(s => (string)s["EventCode"]! == "");
        submissions.Should().Contain(s => s["OrderId"]!.Type == JTokenType.Null && ((string)s["ErrorReason"]!).Contains("OID_MISSING"));
        submissions.Should().OnlyContain(s => Regex.IsMatch((string)s["SubmissionDate"]!, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[78]:00$"));
        submissions.Should().OnlyContain(s => (string)s["Uri"]! == $"/Advertisers/{_server.AccountSid}/APISubmissions/{(string)s["BatchId"]!}");
    }

    [Fact]
    public void Payloads_are_form_urlencoded_with_items()
    {
        var conversions = _server.Submissions.Where(s => s.Type == SubmissionType.Conversion).ToList();

        foreach (var s in conversions)
        {
            var fields = s.Payload!.Split('&').Select(pair => pair.Split('=')).ToDictionary(kv => kv[0], kv => Uri.UnescapeDataString(kv[1]));
            fields["CampaignId"].Should().Be(s.CampaignId!.Value.ToString(CultureInfo.InvariantCulture));
            fields.Should().ContainKey("EventDate");
            if (!s.ErrorReason!.Contains("NO_ITEM"))
            {
                fields.Should().ContainKeys("ItemSku1", "ItemName1", "ItemCategory1", "ItemQuantity1", "ItemPrice1");
            }

            if (s.OrderId is not null)
            {
                fields["OrderId"].Should().Be(s.OrderId);
            }
        }

        conversions.Should().Contain(s => s.Payload!.Contains("ItemSku3="), "orders have several items");
        conversions.Should().Contain(s => s.Payload!.Contains("%253A"), "some click ids were encoded twice by their submitter");
        conversions.Should().Contain(s => s.Payload!.Contains("%20%26%20"), "item names with '&' are encoded");
    }

    private static ImpactMockServerOptions Options(int seed) => new() { Seed = seed, SubmissionCount = 300, Now = Now };
}
