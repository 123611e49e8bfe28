using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

/// <summary>POST /Advertisers/{AccountSID}/Conversions on the mock server: validation, queueing, progression, outcome rules.</summary>
public sealed class ConversionPostTests : IClassFixture<SharedMockServer>, IDisposable
{
    // A conversion that passes validation; the referral below makes it attributed.
    private const string Valid =
        "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=9000000000001"
        + "&ClickId=click%253A1&CurrencyCode=USD&ItemSku1=12345&ItemName1=Anvil+Pro&ItemQuantity1=2&ItemPrice1=10";

    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public ConversionPostTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { SubmissionCount = 20 });
        _http = _server.CreateHttpClient();
        _server.Conversions.AddReferral("ClickId", "click%3A1", mediaPartnerId: 10042);
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    private string ConversionsPath => $"Advertisers/{_server.AccountSid}/Conversions";

    [Fact]
    public async Task A_valid_conversion_is_queued_and_its_submission_holds_the_body_as_sent()
    {
        var (status, body) = await Post(Valid);

        status.Should().Be(HttpStatusCode.OK);
        body["Status"]!.Value<string>().Should().Be("QUEUED");
        string queuedUri = body["QueuedUri"]!.Value<string>()!;
        queuedUri.Should().MatchRegex($"^/Advertisers/{_server.AccountSid}/APISubmissions/A-[0-9a-z]{{8}}-[0-9a-z]{{4}}-[0-9a-z]{{4}}-[0-9a-z]{{4}}-[0-9a-z]{{12}}$");

        var listed = _server.Submissions.Last();
        listed.Uri.Should().Be(queuedUri);
        listed.Payload.Should().Be(Valid, "the payload is kept form-encoded, byte for byte");
        (listed.Type, listed.Status, listed.CampaignId, listed.OrderId).Should().Be((SubmissionType.Conversion, SubmissionStatus.Queued, 1000L, "9000000000001"));
        var page = await _http.GetJsonAsync(_server.ListPath(pageSize: 1000));
        page.Properties().Select(p => p.Value).OfType<JArray>().Single().Last!["Payload"]!.Value<string>().Should().Be(Valid);
    }

    [Fact]
    public async Task The_queued_submission_moves_Queued_In_Progress_Complete_as_it_is_polled()
    {
        var (_, body) = await Post(Valid);
        string path = body["QueuedUri"]!.Value<string>()!;

        var states = new[] { await _http.GetJsonAsync(path), await _http.GetJsonAsync(path), await _http.GetJsonAsync(path) };

        states.Select(s => s["Status"]!.Value<string>()).Should().Equal("Queued", "In Progress", "Complete");
        states[2]["ErrorType"]!.Value<string>().Should().BeEmpty();
        states[2]["MediaPartnerId"]!.Value<string>().Should().Be("10042", "the referral's partner is credited");
        states[2]["ActionTrackerId"]!.Value<string>().Should().Be("4000");
    }

    [Fact]
    public async Task Parsing_the_queued_payload_and_formatting_it_unedited_gives_the_bytes_sent()
    {
        await Post(Valid);

        var payload = _server.Submissions.Last().ParsePayload();

        payload.ToString().Should().Be(Valid);
        payload.ClickId.Should().Be("click%3A1");
    }

    [Fact]
    public async Task An_invalid_conversion_gets_400_with_every_problem_in_impacts_lower_case_envelope()
    {
        int before = _server.Submissions.Count;

        var (status, body) = await Post("CampaignId=1000&EventDate=2024-08-01T23:55:24&ItemSku1=A&ItemQuantity1=two&ItemPrice1=1&ItemSubTotal1=2&CurrencyCode=USD");

        status.Should().Be(HttpStatusCode.BadRequest);
        body["Status"]!.Value<string>().Should().Be("ERROR");
        body["errors"]!.Select(e => (e["field"]!.Value<string>(), e["level"]!.Value<string>())).Should().Equal(
            ("EventDate", "ERROR"),
            ("ItemQuantity1", "ERROR"),
            ("OrderId", "ERROR"),
            ("ActionTrackerId", "ERROR"),
            ("ClickId", "ERROR"),
            ("ItemSubTotal1", "ERROR"));
        body["errors"]![2]!["message"]!.Value<string>().Should().Be("OrderId is required on a conversion and is missing.");
        _server.Submissions.Should().HaveCount(before, "a refused conversion is not queued");
    }

    [Fact]
    public async Task The_path_takes_a_json_suffix_as_impact_com_does()
    {
        using var form = Form(Valid);
        using var response = await _http.PostAsync(ConversionsPath + ".json", form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_that_is_not_form_encoded_is_refused()
    {
        using var content = new StringContent("{\"CampaignId\":1000}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(ConversionsPath, content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        MockHttp.Parse(await response.Content.ReadAsStringAsync())["errors"]![0]!["field"]!.Value<string>().Should().Be("Content-Type");
    }

    [Fact]
    public async Task Wrong_credentials_get_401_another_account_403_and_another_method_405()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        using var form = Form(Valid);
        using var unauthenticated = await anonymous.PostAsync(ConversionsPath, form);
        using var otherAccount = await _http.PostAsync("Advertisers/IRSomeoneElse/Conversions", Form(Valid));
        using var get = await _http.GetAsync(ConversionsPath);

        unauthenticated.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        otherAccount.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        get.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        get.Content.Headers.Allow.Should().Equal("POST");
        _server.Submissions.Should().HaveCount(20, "nothing was queued");
    }

    [Theory]
    [InlineData("CampaignId=1000", "CampaignId=1999", "Validation", "CAMPAIGN_NOT_FOUND")]
    [InlineData("EventTypeId=4000", "EventTypeId=4100", "Validation", "ACTIONTRACKER_CAMPAIGN_MISMATCH")]
    [InlineData("EventTypeId=4000", "EventTypeCode=NO_SUCH_EVENT", "Validation", "ACTIONTRACKER_NOT_FOUND")]
    [InlineData("ClickId=click%253A1", "ClickId=never-clicked", "Contract Error", "UNCLAIMED")]
    public async Task Each_outcome_rule_decides_the_completed_state(string replace, string with, string errorType, string reason)
    {
        var completed = await PostAndComplete(Valid.Replace(replace, with));

        (completed["ErrorType"]!.Value<string>(), completed["ErrorReason"]!.Value<string>()).Should().Be((errorType, reason));
        completed["MediaPartnerId"]!.Value<string>().Should().BeEmpty("no partner is credited for a failed conversion");
    }

    [Fact]
    public async Task An_order_id_already_converted_in_the_program_is_a_duplicate_but_not_in_another_program()
    {
        _server.Conversions.AddProgram(2000, 9000);
        var first = await PostAndComplete(Valid);
        var again = await PostAndComplete(Valid);
        var otherProgram = await PostAndComplete(Valid.Replace("CampaignId=1000&EventTypeId=4000", "CampaignId=2000&EventTypeId=9000"));

        first["ErrorReason"]!.Value<string>().Should().BeEmpty();
        (again["ErrorType"]!.Value<string>(), again["ErrorReason"]!.Value<string>()).Should().Be(("Validation", "CONV_DUPLICATE"));
        otherProgram["ErrorReason"]!.Value<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task An_order_id_posted_again_while_the_first_is_still_queued_is_a_duplicate()
    {
        var (firstStatus, first) = await Post(Valid);
        var again = await PostAndComplete(Valid);

        // Only a GET moves a submission on: the first was never read before the second was posted, so it was queued then.
        firstStatus.Should().Be(HttpStatusCode.OK);
        var firstSeen = await _http.GetJsonAsync(first["QueuedUri"]!.Value<string>()!);
        firstSeen["Status"]!.Value<string>().Should().Be("Queued");
        (again["ErrorType"]!.Value<string>(), again["ErrorReason"]!.Value<string>()).Should().Be(("Validation", "CONV_DUPLICATE"));
    }

    [Fact]
    public async Task An_order_id_the_data_set_converted_is_a_duplicate()
    {
        var converted = _server.Submissions.First(s => s.Type == SubmissionType.Conversion && s.Status == SubmissionStatus.Complete && !s.HasErrors);
        var payload = converted.ParsePayload();
        payload.ClickId = "click%3A1";

        var completed = await PostAndComplete(payload.ToString());

        completed["ErrorReason"]!.Value<string>().Should().Be("CONV_DUPLICATE");
    }

    [Fact]
    public async Task A_program_and_event_type_a_test_adds_are_known()
    {
        _server.Conversions.AddProgram(2000, 9000, "LAUNCH");

        var completed = await PostAndComplete(Valid.Replace("CampaignId=1000&EventTypeId=4000", "CampaignId=2000&EventTypeCode=LAUNCH"));

        completed["ErrorReason"]!.Value<string>().Should().BeEmpty();
        completed["ActionTrackerId"]!.Value<string>().Should().Be("9000");
    }

    [Fact]
    public async Task An_unclaimed_conversion_leaves_its_order_id_free_to_send_again_once_attributed()
    {
        var unclaimed = await PostAndComplete(Valid.Replace("click%253A1", "unknown"));
        var fixedOne = await PostAndComplete(Valid);

        unclaimed["ErrorReason"]!.Value<string>().Should().Be("UNCLAIMED");
        fixedOne["ErrorReason"]!.Value<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_conversion_of_the_data_set_fixed_and_sent_again_completes_without_errors()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 300 });
        using var http = server.CreateHttpClient();
        var failed = server.Submissions.First(s => s.Type == SubmissionType.Conversion && s.MediaPartnerId is not null
            && s.HasErrors && s.OrderId is not null);
        var payload = failed.ParsePayload();
        payload.OrderId += "1"; // the fix: a new order id, so the resubmission is no duplicate of anything

        using var response = await http.PostAsync($"Advertisers/{server.AccountSid}/Conversions", Form(payload.ToString()));
        string path = MockHttp.Parse(await response.Content.ReadAsStringAsync())["QueuedUri"]!.Value<string>()!;
        await http.GetJsonAsync(path);
        await http.GetJsonAsync(path);
        var completed = await http.GetJsonAsync(path);

        completed["ErrorReason"]!.Value<string>().Should().BeEmpty("its ClickId is a referral the data set knows");
        completed["MediaPartnerId"]!.Value<string>().Should().Be(failed.MediaPartnerId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reset_forgets_posted_conversions_and_added_rules()
    {
        await Post(Valid);
        _server.Conversions.AddProgram(2000, 9000);

        _server.Reset();
        _server.Conversions.AddReferral("ClickId", "click%3A1", 10042);
        var again = await PostAndComplete(Valid);
        var program = await PostAndComplete(Valid.Replace("CampaignId=1000&EventTypeId=4000", "CampaignId=2000&EventTypeId=9000"));

        _server.Submissions.Should().HaveCount(22);
        again["ErrorReason"]!.Value<string>().Should().BeEmpty("the first post was forgotten, so this is no duplicate");
        program["ErrorReason"]!.Value<string>().Should().Be("CAMPAIGN_NOT_FOUND");
    }

    [Fact]
    public void A_referral_needs_an_attribution_key_and_a_value()
    {
        _server.Invoking(s => s.Conversions.AddReferral("CurrencyCode", "USD", 1)).Should().Throw<ArgumentException>().WithMessage("CurrencyCode is not an attribution key*");
        _server.Invoking(s => s.Conversions.AddReferral("ClickId", "", 1)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task The_same_requests_get_the_same_batch_ids_on_a_server_with_the_same_seed()
    {
        var (_, first) = await Post(Valid);
        using var twin = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 20 });
        using var http = twin.CreateHttpClient();
        using var response = await http.PostAsync($"Advertisers/{twin.AccountSid}/Conversions", Form(Valid));

        MockHttp.Parse(await response.Content.ReadAsStringAsync())["QueuedUri"]!.Value<string>().Should().Be(first["QueuedUri"]!.Value<string>());
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private async Task<(HttpStatusCode Status, JObject Body)> Post(string body)
    {
        using var form = Form(body);
        using var response = await _http.PostAsync(ConversionsPath, form);
        return (response.StatusCode, MockHttp.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<JObject> PostAndComplete(string body)
    {
        var (status, queued) = await Post(body);
        status.Should().Be(HttpStatusCode.OK, queued.ToString());
        string path = queued["QueuedUri"]!.Value<string>()!;
        await _http.GetJsonAsync(path);
        await _http.GetJsonAsync(path);
        return await _http.GetJsonAsync(path);
    }
}
