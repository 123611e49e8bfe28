using System.IO;
using System.Linq;
using FluentAssertions;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Foundation;

public class SpecReadsCleanlyTests
{
    private static (OpenApiDocument Document, OpenApiDiagnostic Diagnostic) Read()
    {
        using var stream = File.OpenRead(SpecFile.SpecPath);
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        return (document, diagnostic);
    }

    [Fact]
    public void Spec_is_read_by_Microsoft_OpenApi_with_zero_errors()
    {
        var (_, diagnostic) = Read();

        diagnostic.Errors.Should().BeEmpty();
        diagnostic.SpecificationVersion.Should().Be(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0);
    }

    [Fact]
    public void Spec_declares_its_operations_with_stable_operation_ids()
    {
        var (document, _) = Read();

        document.Paths.Keys.Should().BeEquivalentTo(
            "/Advertisers/{AccountSID}/APISubmissions",
            "/Advertisers/{AccountSID}/APISubmissions/{BatchId}",
            "/Advertisers/{AccountSID}/Conversions",
            "/Advertisers/{AccountSID}/FTPFileSubmissions",
            "/Advertisers/{AccountSID}/FTPFileSubmissions/{BatchId}",
            "/Advertisers/{AccountSID}/FTPFileSubmissions/{BatchId}/ErrorDetails");
        document.Paths["/Advertisers/{AccountSID}/APISubmissions"].Operations[OperationType.Get].OperationId
            .Should().Be("ListApiSubmissions");
        document.Paths["/Advertisers/{AccountSID}/APISubmissions/{BatchId}"].Operations[OperationType.Get].OperationId
            .Should().Be("GetApiSubmission");
        document.Paths["/Advertisers/{AccountSID}/Conversions"].Operations[OperationType.Post].OperationId
            .Should().Be("SubmitConversion");
        document.Paths["/Advertisers/{AccountSID}/FTPFileSubmissions"].Operations[OperationType.Get].OperationId
            .Should().Be("ListFtpFileSubmissions");
        document.Paths["/Advertisers/{AccountSID}/FTPFileSubmissions/{BatchId}"].Operations[OperationType.Get].OperationId
            .Should().Be("GetFtpFileSubmission");
        document.Paths["/Advertisers/{AccountSID}/FTPFileSubmissions/{BatchId}/ErrorDetails"].Operations[OperationType.Get].OperationId
            .Should().Be("ListFtpErrorDetails");
    }

    [Fact]
    public void Every_operation_declares_the_error_responses_with_examples()
    {
        var (document, _) = Read();
        // The statuses impact.com's status pages list; the spec may declare more.
        var documented = new[] { "200", "400", "401", "402", "403", "404", "405", "429", "500", "502", "503", "504" };

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations.Values))
        {
            // A POST to Conversions names no resource that could be missing: it declares no 404.
            operation.Responses.Keys.Should().Contain(
                operation.OperationId == "SubmitConversion" ? documented.Where(c => c != "404") : documented, operation.OperationId);
            foreach (var (code, response) in operation.Responses)
            {
                response.Content["application/json"].Example.Should().NotBeNull($"{operation.OperationId} {code} needs an example");
            }
        }
    }

    [Fact]
    public void Spec_uses_http_basic_and_the_impact_server()
    {
        var (document, _) = Read();

        document.Servers.Single().Url.Should().Be("https://api.impact.com");
        var scheme = document.Components.SecuritySchemes["basicAuth"];
        scheme.Type.Should().Be(SecuritySchemeType.Http);
        scheme.Scheme.Should().Be("basic");
        document.SecurityRequirements.Should().ContainSingle();
    }
}
