using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Tests.Contracts;

// The stubs of the FTP file submission operations, bodies taken from the mock server.
internal static partial class ContractStubCatalog
{
    public static readonly string FtpListPath = $"/Advertisers/{AccountSid}/FTPFileSubmissions";

    /// <summary>The SubmissionDateStart the filtered list stub answers: it leaves out the first file.</summary>
    public const string FtpFilterStart = "2025-06-12T00:00:00-07:00";

    private static readonly DateTimeOffset June = new(2025, 6, 10, 0, 0, 0, TimeSpan.FromHours(-7));

    /// <summary>The files the stubs serve, in list order: one with failed lines, one without, one from a later day.</summary>
    public static readonly (string Case, FtpFileSubmission File, FtpErrorDetail[] Lines)[] FtpFiles =
    {
        ("complete-with-errors", new FtpFileSubmission
        {
            BatchId = "F-2a4c6e8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d", SubmissionDate = June.AddHours(22.5), FileName = "conversions_20250610_2230.csv",
            TotalRecords = 120, CompletionDate = June.AddHours(22.6),
        }, new[]
        {
            FtpLine(7, "Contract Error", "CONTRACT_NOT_FOUND", "1234567890123", "12345", "Anvils"),
            FtpLine(19, "Validation", "OID_MISSING", null, "55555", "Hammers"),
            FtpLine(64, "Validation", "NO_ITEM", "5550001112223", null, null),
            FtpLine(101, "Contract Error", "OUTSIDE_ASSOCIATION_WINDOW", "0098765432100", "20011", "Transport"),
        }),
        ("complete", new FtpFileSubmission
        {
            BatchId = "F-5b7d9f1a-3c5e-4f7a-9b1d-3f5a7c9e1b3d", SubmissionDate = June.AddDays(1).AddHours(23), FileName = "modifications_20250611_2300.csv",
            Type = SubmissionType.Modification, TotalRecords = 35, CompletionDate = June.AddDays(1).AddHours(23.1),
        }, Array.Empty<FtpErrorDetail>()),
        ("reversal", new FtpFileSubmission
        {
            BatchId = "F-8e0a2c4f-6b8d-4e0a-8c2e-4a6c8e0b2d4f", SubmissionDate = June.AddDays(3).AddHours(6), FileName = "reversals_20250613_0600.csv",
            Type = SubmissionType.Reversal, TotalRecords = 12, CompletionDate = June.AddDays(3).AddHours(6.2),
        }, new[] { FtpLine(3, "Contract Error", "PARTNER_NOT_ACTIVE", "7770003334445", "30101", "Launchers") }),
    };

    public static readonly (FtpFileSubmission File, FtpErrorDetail[] Lines) FtpProgressing = (new FtpFileSubmission
    {
        BatchId = "F-9c1e3a5d-7f9b-4c1e-9a3c-5e7a9c1f3b5e", SubmissionDate = June.AddDays(5).AddHours(11.5), FileName = "conversions_20250615_1130.csv",
        TotalRecords = 48, CompletionDate = June.AddDays(5).AddHours(11.75),
    }, new[] { FtpLine(12, "Validation", "CONV_DUPLICATE", "4440001112223", "12345", "Anvils") });

    private static FtpErrorDetail FtpLine(long line, string type, string reason, string? orderId, string? sku, string? category) => new()
    {
        Line = line, CampaignId = 1000, ActionTrackerId = 4000, MediaPartnerId = 10042, OrderId = orderId, Sku = sku, Category = category,
        Status = new SubmissionErrorType(type), Reason = new ErrorReason(reason),
    };

    private static async Task AddFtpStubsAsync(SortedDictionary<string, JObject> stubs, Dictionary<int, JToken> errors)
    {
        using (var server = ImpactMockServer.Start(Options))
        using (var http = server.CreateHttpClient())
        {
            foreach (var (_, file, lines) in FtpFiles)
            {
                server.AddFtpFileSubmission(file, lines);
            }

            server.AddProgressingFtpFileSubmission(FtpProgressing.File, FtpProgressing.Lines);
            for (var page = 1; page <= 2; page++)
            {
                var request = Request(Exact(FtpListPath), authorized: true);
                if (page > 1)
                {
                    request["Params"] = new JArray(Matched("Page", Exact(page.ToString(CultureInfo.InvariantCulture))));
                }

                stubs[$"ListFtpFileSubmissions.200.page-{page}.json"] = Mapping(
                    $"ListFtpFileSubmissions.200.page-{page}", $"ListFtpFileSubmissions 200: page {page} of 2, {PageSize} a page", 10 - page,
                    request, 200, Allowed(), await http.GetJsonAsync($"{FtpListPath}?Page={page}&PageSize={PageSize}"));
            }

            var filtered = Request(Exact(FtpListPath), authorized: true);
            filtered["Params"] = new JArray(Matched("SubmissionDateStart", Exact(FtpFilterStart)));
            stubs["ListFtpFileSubmissions.200.submitted-from.json"] = Mapping(
                "ListFtpFileSubmissions.200.submitted-from", $"ListFtpFileSubmissions 200: files submitted from {FtpFilterStart}", 7,
                filtered, 200, Allowed(), await http.GetJsonAsync($"{FtpListPath}?SubmissionDateStart={Uri.EscapeDataString(FtpFilterStart)}&PageSize={PageSize}"));

            foreach (var (name, file, _) in FtpFiles)
            {
                var path = $"{FtpListPath}/{file.BatchId}";
                stubs[$"GetFtpFileSubmission.200.{name}.json"] = Mapping(
                    $"GetFtpFileSubmission.200.{name}", $"GetFtpFileSubmission 200: {name}", 10,
                    Request(Exact(path), authorized: true), 200, Allowed(), await http.GetJsonAsync(path));
            }

            var withErrors = $"{FtpListPath}/{FtpFiles[0].File.BatchId}/ErrorDetails";
            for (var page = 1; page <= 2; page++)
            {
                var request = Request(Exact(withErrors), authorized: true);
                if (page > 1)
                {
                    request["Params"] = new JArray(Matched("Page", Exact(page.ToString(CultureInfo.InvariantCulture))));
                }

                stubs[$"ListFtpErrorDetails.200.page-{page}.json"] = Mapping(
                    $"ListFtpErrorDetails.200.page-{page}", $"ListFtpErrorDetails 200: page {page} of 2 of a file's failed lines, {PageSize} a page", 10 - page,
                    request, 200, Allowed(), await http.GetJsonAsync($"{withErrors}?Page={page}&PageSize={PageSize}"));
            }

            var clean = $"{FtpListPath}/{FtpFiles[1].File.BatchId}/ErrorDetails";
            stubs["ListFtpErrorDetails.200.no-errors.json"] = Mapping(
                "ListFtpErrorDetails.200.no-errors", "ListFtpErrorDetails 200: a file without failed lines", 10,
                Request(Exact(clean), authorized: true), 200, Allowed(), await http.GetJsonAsync(clean));
        }

        // The gets of a progressing file, from its first read: on a server of its own, since a list page that shows it
        // moves it on too.
        using (var server = ImpactMockServer.Start(Options))
        using (var http = server.CreateHttpClient())
        {
            server.AddProgressingFtpFileSubmission(FtpProgressing.File, FtpProgressing.Lines);
            await AddProgressionStubsAsync(stubs, http, "GetFtpFileSubmission", "progressing file", $"{FtpListPath}/{FtpProgressing.File.BatchId}", "Progressing FTP file");
        }

        var operations = new[]
        {
            ("ListFtpFileSubmissions", "^/Advertisers/[^/]+/FTPFileSubmissions$"),
            ("GetFtpFileSubmission", "^/Advertisers/[^/]+/FTPFileSubmissions/[^/]+$"),
            ("ListFtpErrorDetails", "^/Advertisers/[^/]+/FTPFileSubmissions/[^/]+/ErrorDetails$"),
        };
        foreach (var (operationId, pathPattern) in operations)
        {
            AddErrorStubs(stubs, errors, operationId, pathPattern, badRequestNamesNoField: operationId == "GetFtpFileSubmission");
        }

        foreach (var (operationId, pathPattern) in operations.Skip(1))
        {
            stubs[$"{operationId}.404.unknown-batch-id.json"] = Mapping(
                $"{operationId}.404.unknown-batch-id", $"{operationId} 404: a BatchId no other stub knows", 50,
                Request(Regex(pathPattern), authorized: true), 404, Json(), errors[404]);
        }
    }
}
