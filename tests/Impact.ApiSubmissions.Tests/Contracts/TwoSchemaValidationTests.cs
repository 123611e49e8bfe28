using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.Foundation;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>
/// Every stub, fixture and mock response validated twice, by NJsonSchema reading the documents as plain
/// OpenAPI (no rule of ours added):
/// against our spec, after the wire rules the spec states (an integer may come as a digit string, "" is
/// an absent value where the field is nullable), and against impact.com's published v14 schema
/// (tests/contracts/reference) after the tolerances its documentation gives (ids as digit strings,
/// "" for an absent date). impact.com publishes no error schema: error bodies are checked against ours only.
/// </summary>
public class TwoSchemaValidationTests
{
    private static readonly Lazy<OpenApiDocument> Ours = new(() => OpenApiYamlDocument.FromFileAsync(SpecFile.SpecPath).GetAwaiter().GetResult());

    private static readonly Lazy<OpenApiDocument> Published = new(() => Reference("impact-brand-submissions-v14.yaml"));

    private static readonly Lazy<OpenApiDocument> PublishedConversions = new(() => Reference("impact-brand-conversions-v14.yaml"));

    public static TheoryData<string> StubNames => Data(ContractFiles.Mappings.Select(m => m.Name));

    public static TheoryData<string> FixtureNames => Data(ContractFiles.Fixtures.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(StubNames))]
    public void Stub_body_is_valid_under_both_schemas(string name)
    {
        var parts = name.Split('.');
        var body = ContractFiles.Mappings.Single(m => m.Name == name).Json["Response"]!["BodyAsJson"]!;

        Problems(body, parts[0], parts[1]).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Fixture_is_valid_under_both_schemas(string name)
    {
        var schema = name.Split('.')[0];
        var body = ContractFiles.Fixtures.Single(f => f.Name == name).Json;

        Problems(body, OurSchema(schema), PublishedSchema(schema)).Should().BeEmpty();
    }

    [Fact]
    public async Task Mock_server_answers_are_valid_under_both_schemas()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 300, Seed = 7 });
        using var http = server.CreateHttpClient();
        var problems = new List<string>();

        var page = await http.GetJsonAsync(server.ListPath(page: 1, pageSize: 1000));
        problems.AddRange(Problems(page, "ListApiSubmissions", "200"));
        foreach (var submission in page["APISubmission"]!.Take(40))
        {
            problems.AddRange(Problems(await http.GetJsonAsync(server.GetPath((string)submission["BatchId"]!)), "GetApiSubmission", "200"));
        }

        page["APISubmission"]!.Should().HaveCount(300);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void An_enum_that_allows_null_lists_null()
    {
        // OpenAPI 3.0.3: nullable does not widen an enum, and NJsonSchema does not check that rule: we do.
        var offenders = Ours.Value.Components.Schemas.Where(s => s.Value.IsNullable(SchemaType.OpenApi3) && s.Value.Enumeration.Count > 0 && !s.Value.Enumeration.Contains(null))
            .Select(s => s.Key)
            .Concat(Ours.Value.Components.Schemas.SelectMany(s => s.Value.ActualProperties)
                .Where(p => p.Value.IsNullable(SchemaType.OpenApi3) && p.Value.ActualSchema.Enumeration.Count > 0 && !p.Value.ActualSchema.Enumeration.Contains(null))
                .Select(p => p.Key));

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void Our_spec_names_every_field_value_and_code_impact_publishes()
    {
        var published = Published.Value.Components.Schemas;
        var ours = Ours.Value.Components.Schemas;
        static IEnumerable<string?> Values(JsonSchema schema) => schema.ActualSchema.Enumeration.Select(v => v?.ToString());

        ours["ApiSubmission"].ActualProperties.Keys.Should().Contain(published["ApiSubmission"].ActualProperties.Keys);
        Values(ours["SubmissionStatus"]).Should().Contain(Values(published["ApiSubmission"].ActualProperties["Status"]));
        Values(ours["SubmissionType"]).Should().Contain(Values(published["ApiSubmission"].ActualProperties["Type"]));
        Values(ours["SubmissionErrorType"]).Should().Contain(Values(published["FtpErrorDetail"].ActualProperties["Status"]));
        Values(ours["ErrorReason"]).Should().Contain(Values(published["FtpErrorDetail"].ActualProperties["Reason"]));
        ours["FtpFileSubmission"].ActualProperties.Keys.Should().Contain(published["FtpSubmission"].ActualProperties.Keys);
        ours["FtpErrorDetail"].ActualProperties.Keys.Should().Contain(published["FtpErrorDetail"].ActualProperties.Keys);
        Values(ours["SubmissionStatus"]).Should().Contain(Values(published["FtpSubmission"].ActualProperties["Status"]));
        Values(ours["SubmissionType"]).Should().Contain(Values(published["FtpSubmission"].ActualProperties["Type"]));
    }

    [Fact]
    public void Every_operation_s_success_is_held_to_impact_s_published_answer()
    {
        // Found by path and method: an operation impact publishes under another path would go unchecked.
        var unmatched = Ours.Value.Operations.Select(o => o.Operation.OperationId).Where(id => PublishedResponse(id, "200") is null);

        unmatched.Should().BeEmpty();
    }

    [Fact]
    public void Tolerances_are_only_the_documented_ones()
    {
        var submission = (JObject)ContractFiles.Fixtures.Single(f => f.Name == "ApiSubmission.canonical-types.json").Json.DeepClone();
        submission["MediaPartnerId"] = "";
        submission["Status"] = "";

        Problems(submission, OurSchema("ApiSubmission"), PublishedSchema("ApiSubmission")).Should().Contain(p => p.Contains("MediaPartnerId", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("Status", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Problems(JToken body, string operationId, string status)
    {
        var ours = Ours.Value.Operations.Single(o => o.Operation.OperationId == operationId).Operation.ActualResponses[status].Schema;
        return Problems(body, ours, PublishedResponse(operationId, status));
    }

    private static List<string> Problems(JToken body, JsonSchema ours, JsonSchema? published)
    {
        var problems = Validate("our spec", OurTolerances(body.DeepClone(), ours), ours).ToList();
        if (published is not null)
        {
            problems.AddRange(Validate("impact's published schema", PublishedTolerances(body.DeepClone(), published), published));
        }

        return problems;
    }

    private static IEnumerable<string> Validate(string against, JToken body, JsonSchema schema) =>
        new JsonSchemaValidator().Validate(body, schema, SchemaType.OpenApi3).Select(e => $"{against}: {e}");

    private static JsonSchema OurSchema(string name) => Ours.Value.Components.Schemas[name];

    private static OpenApiDocument Reference(string file) =>
        OpenApiYamlDocument.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "contracts", "reference", file)).GetAwaiter().GetResult();

    // The published answer an operation's stub is held to: the published operation at the same path and method
    // (impact's paths are ours), for the same status. impact documents the 200s, and the conversion POST's 400;
    // it publishes no schema for the other errors.
    private static JsonSchema? PublishedResponse(string operationId, string status)
    {
        var ours = Ours.Value.Operations.Single(o => o.Operation.OperationId == operationId);
        var published = new[] { Published.Value, PublishedConversions.Value }
            .SelectMany(d => d.Operations)
            .SingleOrDefault(o => o.Path == ours.Path && o.Method == ours.Method);
        return published is not null && published.Operation.ActualResponses.TryGetValue(status, out var response) ? response.Schema : null;
    }

    private static JsonSchema? PublishedSchema(string name) => name switch
    {
        "ApiSubmission" => Published.Value.Components.Schemas["ApiSubmission"],
        "ApiSubmissionPage" => Published.Value.Operations.Single(o => o.Operation.OperationId == "listApiSubmissions").Operation.ActualResponses["200"].Schema,
        _ => null,
    };

    // Our spec's wire notes: numbers as strings, "" as an absent value of a nullable field.
    private static JToken OurTolerances(JToken token, JsonSchema schema) =>
        Walk(token, schema, (value, s) => value.Length == 0 && s.IsNullable(SchemaType.OpenApi3) ? JValue.CreateNull() : null);

    // impact's documentation: ids as digit strings, "" for an absent date (left out, as the schema has no required).
    private static JToken PublishedTolerances(JToken token, JsonSchema schema) =>
        Walk(token, schema, (value, s) => value.Length == 0 && s.Format == JsonFormatStrings.DateTime ? Absent : null);

    private static readonly JValue Absent = new("absent");

    private static JToken Walk(JToken token, JsonSchema schema, Func<string, JsonSchema, JToken?> emptyString)
    {
        var actual = schema.ActualSchema;
        if (token.Type == JTokenType.String)
        {
            var text = (string)token!;
            if (text.Length == 0 && emptyString(text, actual) is { } replacement)
            {
                return replacement;
            }

            if (actual.Type.HasFlag(JsonObjectType.Integer) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return new JValue(number);
            }

            if (actual.Type.HasFlag(JsonObjectType.Number) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return new JValue(real);
            }
        }

        if (token is JObject obj)
        {
            foreach (var (name, property) in actual.ActualProperties)
            {
                if (obj.TryGetValue(name, out var child))
                {
                    var replaced = Walk(child, property, emptyString);
                    if (ReferenceEquals(replaced, Absent))
                    {
                        obj.Remove(name);
                    }
                    else if (!ReferenceEquals(replaced, child))
                    {
                        obj[name] = replaced;
                    }
                }
            }
        }

        if (token is JArray array && actual.Item is { } item)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var replaced = Walk(array[i], item, emptyString);
                if (!ReferenceEquals(replaced, array[i]))
                {
                    array[i] = replaced;
                }
            }
        }

        return token;
    }

    private static TheoryData<string> Data(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name);
        }

        return data;
    }
}
