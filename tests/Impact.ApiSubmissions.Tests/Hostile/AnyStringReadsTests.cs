using System;
using System.Linq;
using CsCheck;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Impact.ApiSubmissions.Serialization;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Hostile;

/// <summary>
/// No value fails a read: every field the SDK reads into an extensible value (a submission's Status, Type, ErrorType and
/// ErrorReason codes; an FTP file's Status and Type; an FTP line's Status and Reason) takes any text the server sends,
/// keeps it as sent and writes it back unchanged. An empty string is the wire's "no value" (IMPACT-API.md) and reads as none.
/// </summary>
public class AnyStringReadsTests
{
    // Any valid Unicode text: ASCII and punctuation, white space, letters beyond ASCII, and surrogate pairs (emoji).
    private static readonly Gen<string> AnyText = Gen.Frequency(
        (4, Gen.Frequency(
                (6, Gen.Char[' ', '~'].Select(c => c.ToString())),
                (1, Gen.OneOf(Gen.Const("\t"), Gen.Const("\n"), Gen.Const("\r\n"), Gen.Const("\u00a0"))),
                (2, Gen.Char['\u0080', '\uD7FF'].Select(c => c.ToString())),
                (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
                (1, Gen.Const("\U0001F600")))
            .Array[0, 12].Select(parts => string.Concat(parts))),
        (1, Gen.OneOf(Gen.Const("Invalid date format"), Gen.Const("Contract Error"), Gen.Const(" "), Gen.Const("ÄNDERUNG-ÉCHEC"), Gen.Const(string.Empty))));

    [Fact]
    public void The_published_example_of_an_ftp_line_reads_with_its_free_text_reason()
    {
        // impact.com's own example (impact-brand-submissions-v14.yaml): Reason is free text, not a code.
        var page = ImpactJson.Deserialize<FtpErrorDetailPage>(ErrorPage("Validation", "Invalid date format"));

        var line = page.ErrorDetails.Should().ContainSingle().Which;
        line.Reason!.Value.Code.Should().Be("Invalid date format");
        line.Reason.Value.IsKnown.Should().BeFalse();
        line.Reason.Value.Description.Should().BeNull();
        Raw(ImpactJson.Serialize(line))["Reason"]!.Value<string>().Should().Be("Invalid date format");
    }

    [Fact]
    public void A_documented_code_on_an_ftp_line_reads_with_its_description()
    {
        var line = ImpactJson.Deserialize<FtpErrorDetailPage>(ErrorPage("Contract Error", "CONTRACT_NOT_FOUND")).ErrorDetails.Single();

        line.Reason.Should().Be(ErrorReason.ContractNotFound);
        line.Reason!.Value.Description.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Any_status_type_error_type_and_error_reason_of_a_submission_reads_and_writes_back_as_sent()
    {
        Gen.Select(AnyText, AnyText, AnyText, AnyText).Sample((status, type, errorType, errorReason) =>
        {
            var sent = new JObject
            {
                ["BatchId"] = "A-1",
                ["Status"] = status,
                ["Type"] = type,
                ["ErrorType"] = errorType,
                ["ErrorReason"] = errorReason,
            };
            var page = ImpactJson.Deserialize<ApiSubmissionPage>(new JObject { ["@page"] = "1", ["APISubmission"] = new JArray(sent) }.ToString());
            var submission = page.Submissions.Single();

            Kept(submission.Status?.ToString(), status);
            Kept(submission.Type?.ToString(), type);
            Kept(submission.ErrorType?.ToString(), errorType);
            submission.ErrorReason.Should().Be(errorReason);
            // impact.com separates the codes with spaces: the codes are the text's words between runs of ASCII white space.
            string.Join(" ", submission.ErrorReasons.Select(r => r.Code)).Should().Be(System.Text.RegularExpressions.Regex.Replace(errorReason, "[ \t\r\n\f\v]+", " ").Trim(' '));
            var back = Raw(ImpactJson.Serialize(submission));
            WrittenBack(back["Status"]!, status);
            WrittenBack(back["Type"]!, type);
            WrittenBack(back["ErrorType"]!, errorType);
            back["ErrorReason"]!.Value<string>().Should().Be(errorReason);
        });
    }

    [Fact]
    public void Any_status_and_reason_of_an_ftp_line_and_any_status_and_type_of_an_ftp_file_read_and_write_back_as_sent()
    {
        Gen.Select(AnyText, AnyText, AnyText, AnyText).Sample((lineStatus, reason, fileStatus, fileType) =>
        {
            var line = ImpactJson.Deserialize<FtpErrorDetailPage>(ErrorPage(lineStatus, reason)).ErrorDetails.Single();
            Kept(line.Status?.ToString(), lineStatus);
            Kept(line.Reason?.ToString(), reason);
            var lineBack = Raw(ImpactJson.Serialize(line));
            WrittenBack(lineBack["Status"]!, lineStatus);
            WrittenBack(lineBack["Reason"]!, reason);

            var file = new JObject { ["BatchId"] = "F-1", ["Status"] = fileStatus, ["Type"] = fileType, ["TotalRecords"] = "3", ["TotalErrors"] = "1" };
            var read = ImpactJson.Deserialize<FtpFileSubmissionPage>(new JObject { ["@page"] = "1", ["FTPFileSubmissions"] = new JArray(file) }.ToString()).FileSubmissions.Single();
            Kept(read.Status?.ToString(), fileStatus);
            Kept(read.Type?.ToString(), fileType);
            var fileBack = Raw(ImpactJson.Serialize(read));
            WrittenBack(fileBack["Status"]!, fileStatus);
            WrittenBack(fileBack["Type"]!, fileType);
        });
    }

    private static void Kept(string? read, string sent)
    {
        if (sent.Length == 0)
        {
            read.Should().BeNull("an empty string is the wire's way of sending no value");
        }
        else
        {
            read.Should().Be(sent);
        }
    }

    private static void WrittenBack(JToken back, string sent)
    {
        if (sent.Length == 0)
        {
            back.Type.Should().Be(JTokenType.Null);
        }
        else
        {
            back.Value<string>().Should().Be(sent);
        }
    }

    private static JObject Raw(string json) => JObject.Parse(json);

    private static string ErrorPage(string status, string reason) => new JObject
    {
        ["@page"] = "1",
        ["@numpages"] = "1",
        ["ErrorDetail"] = new JArray(new JObject
        {
            ["Line"] = "42",
            ["CampaignId"] = "1000",
            ["Status"] = status,
            ["Reason"] = reason,
            ["Uri"] = "/Advertisers/IRsid4567/FTPFileSubmissions/F-1/ErrorDetails/42",
        }),
    }.ToString();
}
