using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Foundation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Impact.ApiSubmissions.Serialization;
using Xunit;
using Stj = System.Text.Json.JsonSerializer;

namespace Impact.ApiSubmissions.Tests.Hostile;

/// <summary>
/// Both serializers write the wire form: System.Text.Json (ASP.NET Core's default) gives the same JSON as Newtonsoft's
/// JsonConvert (wire names, enum values as their wire strings, dates with their offset, no computed members), and either
/// JSON reads back into an equal model.
/// </summary>
public class SystemTextJsonTests
{
    private static ApiSubmission Submission()
    {
        // The reference record, with values the SDK does not know, so nothing passes by luck.
        var json = Raw(SpecFile.Fixture("reference-submission.json"));
        json["Status"] = "On Hold (review)";
        json["ErrorType"] = "Fraud Check";
        json["ReviewedBy"] = "ops-team";
        return ImpactJson.Deserialize<ApiSubmission>(json.ToString(Newtonsoft.Json.Formatting.None));
    }

    private static FtpFileSubmission FtpFile() => ImpactJson.Deserialize<FtpFileSubmission>(
        "{\"BatchId\":\"F-1\",\"AccountId\":\"10001\",\"SubmissionDate\":\"2026-08-31T15:37:25-07:00\",\"FileName\":\"a.csv\",\"Type\":\"Conversion\","
        + "\"Status\":\"Complete\",\"TotalRecords\":\"10\",\"TotalErrors\":\"2\",\"CompletionDate\":\"2026-08-31T15:40:00-07:00\","
        + "\"ErrorsUri\":\"/Advertisers/IRsid4567/FTPFileSubmissions/F-1/ErrorDetails\",\"Uri\":\"/Advertisers/IRsid4567/FTPFileSubmissions/F-1\"}");

    [Fact]
    public void System_text_json_writes_a_submission_exactly_as_newtonsoft_does()
    {
        var submission = Submission();

        var stj = JToken.Parse(Stj.Serialize(submission));
        var newtonsoft = JToken.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(submission));

        JToken.DeepEquals(stj, newtonsoft).Should().BeTrue($"System.Text.Json wrote\n{stj}\nand Newtonsoft wrote\n{newtonsoft}");
        stj["Status"]!.Value<string>().Should().Be("On Hold (review)");
        stj["ErrorType"]!.Value<string>().Should().Be("Fraud Check");
        ((JObject)stj).Property("IsComplete").Should().BeNull("computed members are not wire fields");
        ((JObject)stj).Property("HasErrors").Should().BeNull();
        Raw(Stj.Serialize(submission))["SubmissionDate"]!.Value<string>().Should().Be(Raw(SpecFile.Fixture("reference-submission.json"))["SubmissionDate"]!.Value<string>());
    }

    [Fact]
    public void An_extensible_value_alone_is_written_as_its_wire_string()
    {
        Stj.Serialize(new SubmissionStatus("On Hold")).Should().Be("\"On Hold\"");
        Stj.Serialize<SubmissionStatus?>(SubmissionStatus.InProgress).Should().Be("\"In Progress\"");
        Stj.Deserialize<SubmissionStatus>("\"In Progress\"").Should().Be(SubmissionStatus.InProgress);
        Stj.Deserialize<ErrorReason?>("\"Invalid date format\"")!.Value.Code.Should().Be("Invalid date format");
    }

    [Fact]
    public void Either_serializer_reads_the_others_json_back_into_an_equal_model()
    {
        var submission = Submission();
        var file = FtpFile();

        var fromStj = ImpactJson.Deserialize<ApiSubmission>(Stj.Serialize(submission));
        var viaStj = Stj.Deserialize<ApiSubmission>(Newtonsoft.Json.JsonConvert.SerializeObject(submission))!;
        var fileViaStj = Stj.Deserialize<FtpFileSubmission>(Stj.Serialize(file))!;

        ImpactJson.Serialize(fromStj).Should().Be(ImpactJson.Serialize(submission));
        ImpactJson.Serialize(viaStj).Should().Be(ImpactJson.Serialize(submission));
        viaStj.Status.Should().Be(new SubmissionStatus("On Hold (review)"));
        ImpactJson.Serialize(fileViaStj).Should().Be(ImpactJson.Serialize(file));
    }

    [Fact]
    public async Task An_aspnet_core_minimal_api_returns_a_submission_and_an_ftp_file_in_the_wire_form()
    {
        var submission = Submission();
        var file = FtpFile();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/submission", () => submission);
        app.MapGet("/ftp", () => Results.Ok(file));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var submissionJson = await http.GetStringAsync("/submission");
        var fileJson = await http.GetStringAsync("/ftp");

        JToken.DeepEquals(JToken.Parse(submissionJson), JToken.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(submission))).Should().BeTrue(submissionJson);
        JToken.DeepEquals(JToken.Parse(fileJson), JToken.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(file))).Should().BeTrue(fileJson);
        ImpactJson.Serialize(ImpactJson.Deserialize<ApiSubmission>(submissionJson)).Should().Be(ImpactJson.Serialize(submission));
        ImpactJson.Serialize(ImpactJson.Deserialize<FtpFileSubmission>(fileJson)).Should().Be(ImpactJson.Serialize(file));
        await app.StopAsync();
    }

    private static JObject Raw(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }
}
