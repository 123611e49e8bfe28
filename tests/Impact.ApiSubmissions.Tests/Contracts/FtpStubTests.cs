using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>The FTP file submission stubs, loaded into a plain WireMock server, answer as their bodies say.</summary>
internal static class FtpStubTests
{
    /// <summary>Sends the requests each FTP stub describes, as a client would, and checks each answers its own body.</summary>
    internal static async Task ReachEveryFtpStubAsync(HttpClient authorized, HttpClient anonymous)
    {
        var list = ContractStubCatalog.FtpListPath;
        var first = await authorized.GetJsonAsync(list);
        first.ShouldEqualJson(Stub("ListFtpFileSubmissions.200.page-1.json"));
        (await authorized.GetJsonAsync((string)first["@nextpageuri"]!)).ShouldEqualJson(Stub("ListFtpFileSubmissions.200.page-2.json"));
        var filtered = await authorized.GetJsonAsync($"{list}?SubmissionDateStart={Uri.EscapeDataString(ContractStubCatalog.FtpFilterStart)}");
        filtered.ShouldEqualJson(Stub("ListFtpFileSubmissions.200.submitted-from.json"));
        filtered["FTPFileSubmissions"]!.Select(f => (string?)f["BatchId"]).Should().NotContain(ContractStubCatalog.FtpFiles[0].File.BatchId);

        foreach (var (name, file, lines) in ContractStubCatalog.FtpFiles)
        {
            var got = await authorized.GetJsonAsync($"{list}/{file.BatchId}");
            got.ShouldEqualJson(Stub($"GetFtpFileSubmission.200.{name}.json"));
            ((string)got["TotalErrors"]!).Should().Be(lines.Length.ToString(CultureInfo.InvariantCulture));
        }

        var errors = await authorized.GetJsonAsync((string)Stub("GetFtpFileSubmission.200.complete-with-errors.json")["ErrorsUri"]!);
        errors.ShouldEqualJson(Stub("ListFtpErrorDetails.200.page-1.json"));
        var second = await authorized.GetJsonAsync((string)errors["@nextpageuri"]!);
        second.ShouldEqualJson(Stub("ListFtpErrorDetails.200.page-2.json"));
        (errors["ErrorDetail"]!.Count() + second["ErrorDetail"]!.Count()).Should().Be(ContractStubCatalog.FtpFiles[0].Lines.Length, "the pages hold every failed line");
        (await authorized.GetJsonAsync((string)Stub("GetFtpFileSubmission.200.complete.json")["ErrorsUri"]!)).ShouldEqualJson(Stub("ListFtpErrorDetails.200.no-errors.json"));

        var progressing = $"{list}/{ContractStubCatalog.FtpProgressing.File.BatchId}";
        var statuses = new[] { await authorized.GetJsonAsync(progressing), await authorized.GetJsonAsync(progressing), await authorized.GetJsonAsync(progressing) };
        statuses.Select(s => (string)s["Status"]!).Should().Equal("Queued", "In Progress", "Complete");

        var paths = new[]
        {
            ("ListFtpFileSubmissions", list),
            ("GetFtpFileSubmission", $"{list}/F-any"),
            ("ListFtpErrorDetails", $"{list}/F-any/ErrorDetails"),
        };
        foreach (var (operation, path) in paths)
        {
            (await Answer(anonymous, path, null)).Should().Be((401, Stub($"{operation}.401.missing-credentials.json").ToString()), operation);
            if (operation != "ListFtpFileSubmissions")
            {
                (await Answer(authorized, path, null)).Should().Be((404, Stub($"{operation}.404.unknown-batch-id.json").ToString()), operation);
            }

            foreach (var code in ContractStubCatalog.ErrorCodesOf(operation))
            {
                (await Answer(authorized, path, code)).Should().Be((code, Stub($"{operation}.{code}.json").ToString()), $"{operation} {code}");
            }
        }
    }

    private static JToken Stub(string name) => ContractFiles.Mappings.Single(m => m.Name == name).Json["Response"]!["BodyAsJson"]!;

    private static async Task<(int Status, string Body)> Answer(HttpClient client, string path, int? selectStatus)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (selectStatus is { } code)
        {
            request.Headers.Add(ContractStubCatalog.StatusSelector, code.ToString(CultureInfo.InvariantCulture));
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, MockHttp.ParseToken(await response.Content.ReadAsStringAsync()).ToString());
    }
}
