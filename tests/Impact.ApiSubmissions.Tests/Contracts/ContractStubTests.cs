using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.OpenApi.Models;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>
/// tests/contracts: the WireMock mappings and wire fixtures, checked against the spec. Mapping files are
/// named <c>{operationId}.{status}[.{case}].json</c>; fixtures <c>{schema}.{case}.json</c>.
/// </summary>
public class ContractStubTests
{
    public static TheoryData<string> StubNames => Data(ContractFiles.Mappings.Select(m => m.Name));

    public static TheoryData<string> FixtureNames => Data(ContractFiles.Fixtures.Select(f => f.Name));

    [Fact]
    public async Task Stubs_are_exactly_what_the_mock_server_answers()
    {
        var expected = await ContractStubCatalog.BuildAsync();
        if (ContractFiles.UpdateRequested)
        {
            var directory = ContractFiles.SourceMappingsDirectory();
            Directory.CreateDirectory(directory);
            var before = Directory.GetFiles(directory, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
            foreach (var stale in before.Keys)
            {
                File.Delete(Path.Combine(directory, stale));
            }

            foreach (var (name, mapping) in expected)
            {
                File.WriteAllText(Path.Combine(directory, name), ContractFiles.Format(mapping));
            }

            // Update mode still fails when it changed something, so a run with the variable set cannot pass
            // silently over drifted stubs: read the diff, then run again without it.
            var rewritten = expected.Keys.Where(n => !before.TryGetValue(n, out var old) || old != ContractFiles.Format(expected[n]))
                .Concat(before.Keys.Where(n => !expected.ContainsKey(n)))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            rewritten.Should().BeEmpty($"{ContractFiles.UpdateVariable}=1 rewrote these stubs: review the diff, then run the tests again without it");
            return;
        }

        var actual = ContractFiles.Mappings.ToDictionary(m => m.Name, m => m.Json);
        actual.Keys.Should().BeEquivalentTo(expected.Keys, $"the stub files are generated: run the tests with {ContractFiles.UpdateVariable}=1 to rewrite them");
        foreach (var (name, mapping) in expected)
        {
            var answered = MockServer.MockHttp.Parse(ContractFiles.Format(mapping));
            DropOptionalFieldsTheStubLacks(answered, actual[name]);
            JToken.DeepEquals(actual[name], answered).Should().BeTrue(
                $"{name} should be what the mock server answers; run the tests with {ContractFiles.UpdateVariable}=1 to rewrite the stubs");
        }
    }

    // A property added to the spec as optional is served by the mock (from its example) before the stubs
    // are rewritten: the committed stubs stay valid without it, so only such a property may be missing.
    private static void DropOptionalFieldsTheStubLacks(JToken answered, JToken? stub)
    {
        var submission = SpecOperations.Document.Components.Schemas["ApiSubmission"];
        if (answered is JObject answeredObject && stub is JObject stubObject)
        {
            foreach (var property in answeredObject.Properties().ToList())
            {
                if (!stubObject.ContainsKey(property.Name))
                {
                    if (submission.Properties.ContainsKey(property.Name) && !submission.Required.Contains(property.Name))
                    {
                        property.Remove();
                    }
                }
                else
                {
                    DropOptionalFieldsTheStubLacks(property.Value, stubObject[property.Name]);
                }
            }
        }
        else if (answered is JArray answeredArray && stub is JArray stubArray)
        {
            for (var i = 0; i < Math.Min(answeredArray.Count, stubArray.Count); i++)
            {
                DropOptionalFieldsTheStubLacks(answeredArray[i], stubArray[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StubNames))]
    public void Stub_answers_what_the_spec_declares(string name)
    {
        var mapping = ContractFiles.Mappings.Single(m => m.Name == name).Json;

        Problems(name, mapping).Should().BeEmpty();
    }

    [Fact]
    public void Every_operation_and_response_code_in_the_spec_has_a_stub()
    {
        var stubbed = ContractFiles.Mappings.Select(m => Identify(m.Name)).ToHashSet();

        var missing = SpecOperations.All
            .SelectMany(o => o.Operation.Responses.Keys.Select(code => (o.OperationId, code)))
            .Where(pair => !stubbed.Contains(pair))
            .Select(pair => $"{pair.OperationId} {pair.code}");

        missing.Should().BeEmpty(
            $"every response the spec declares needs a stub in tests/contracts/mappings: run the tests once with {ContractFiles.UpdateVariable}=1 to write them");
    }

    [Fact]
    public void A_drifted_stub_is_caught()
    {
        var (name, original) = ContractFiles.Mappings.First(m => m.Name.StartsWith("GetApiSubmission.200.", StringComparison.Ordinal));
        var renamed = (JObject)original.DeepClone();
        var body = (JObject)renamed["Response"]!["BodyAsJson"]!;
        body["BatchID"] = body["BatchId"];
        body.Remove("BatchId");
        var wrongType = (JObject)original.DeepClone();
        wrongType["Response"]!["BodyAsJson"]!["AccountId"] = "abc";
        var wrongStatus = (JObject)original.DeepClone();
        wrongStatus["Response"]!["StatusCode"] = 201;

        Problems(name, original).Should().BeEmpty();
        Problems(name, renamed).Should().Contain(p => p.Contains("BatchID")).And.Contain(p => p.Contains("PropertyRequired: #/BatchId"));
        Problems(name, wrongType).Should().Contain(p => p.Contains("IntegerExpected: #/AccountId"));
        Problems(name, wrongStatus).Should().Contain(p => p.Contains("201"));
        Problems("GetApiSubmission.418.json", original).Should().Contain(p => p.Contains("418"));
        Problems("DeleteApiSubmission.200.json", original).Should().Contain(p => p.Contains("DeleteApiSubmission"));
    }

    [Fact]
    public void Rate_limited_stubs_carry_the_rate_limit_headers()
    {
        var limited = ContractFiles.Mappings.Where(m => Identify(m.Name).Code == "429").ToList();

        limited.Should().NotBeEmpty();
        foreach (var (_, mapping) in limited)
        {
            ((JObject)mapping["Response"]!["Headers"]!).Properties().Select(p => p.Name)
                .Should().Contain(new[] { "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After" });
        }
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Fixture_matches_the_schema_it_is_named_after(string name)
    {
        var fixture = ContractFiles.Fixtures.Single(f => f.Name == name).Json;
        var schema = name.Substring(0, name.IndexOf('.'));

        SpecOperations.Document.Components.Schemas.Should().ContainKey(schema, $"fixture names start with the schema they show");
        SpecOperations.Validator.Validate(fixture, schema).Should().BeEmpty();
    }

    [Fact]
    public void The_spec_s_own_response_examples_pass_the_same_validation()
    {
        var problems = SpecOperations.All
            .SelectMany(o => o.Operation.Responses.Select(r => (o.OperationId, Code: r.Key, Media: r.Value.Content["application/json"])))
            .SelectMany(r => SpecOperations.Validator
                .Validate(MockServer.MockHttp.ParseToken(ExampleJson(r.Media.Example)), r.Media.Schema)
                .Select(e => $"{r.OperationId} {r.Code}: {e}"));

        problems.Should().BeEmpty();
    }

    private static string ExampleJson(Microsoft.OpenApi.Any.IOpenApiAny example)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        example.Write(new Microsoft.OpenApi.Writers.OpenApiJsonWriter(text), Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0);
        return text.ToString();
    }

    /// <summary>Everything wrong with one stub, judged by the spec alone.</summary>
    private static List<string> Problems(string name, JObject mapping)
    {
        var problems = new List<string>();
        var (operationId, code) = Identify(name);
        var operation = SpecOperations.All.SingleOrDefault(o => o.OperationId == operationId);
        if (operation is null)
        {
            return new List<string> { $"{name}: the spec has no operation {operationId}" };
        }

        if (!operation.Operation.Responses.TryGetValue(code, out var response))
        {
            return new List<string> { $"{name}: the spec declares no {code} response for {operationId}" };
        }

        var status = mapping["Response"]?["StatusCode"]?.ToString();
        if (status != code)
        {
            problems.Add($"{name}: answers {status}, but its name says {code}");
        }

        problems.AddRange(PathProblems(name, mapping, operation));
        var headers = (JObject?)mapping["Response"]?["Headers"] ?? new JObject();
        if (!((string?)headers["Content-Type"] ?? string.Empty).StartsWith("application/json", StringComparison.Ordinal))
        {
            problems.Add($"{name}: the Content-Type header must be application/json");
        }

        foreach (var (header, declared) in response.Headers)
        {
            if (headers.TryGetValue(header, out var value) && declared.Schema.Type == "integer"
                && !long.TryParse((string?)value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{name}: header {header} must be an integer, not '{value}'");
            }
        }

        foreach (var header in headers.Properties().Select(p => p.Name).Where(h => h != "Content-Type" && !response.Headers.ContainsKey(h)))
        {
            problems.Add($"{name}: header {header} is not declared for {operationId} {code}");
        }

        var body = mapping["Response"]?["BodyAsJson"];
        if (body is null)
        {
            problems.Add($"{name}: the response has no BodyAsJson");
        }
        else
        {
            problems.AddRange(SpecOperations.Validator.Validate(body, response.Content["application/json"].Schema).Select(e => $"{name}: {e}"));
        }

        return problems;
    }

    private static IEnumerable<string> PathProblems(string name, JObject mapping, SpecOperations.SpecOperation operation)
    {
        var methods = mapping["Request"]?["Methods"]?.Select(m => (string)m!).ToList() ?? new List<string>();
        if (!methods.SequenceEqual(new[] { operation.Method.ToString().ToUpperInvariant() }))
        {
            yield return $"{name}: must match exactly the method {operation.Method}";
        }

        var matchers = mapping["Request"]?["Path"]?["Matchers"]?.ToList() ?? new List<JToken>();
        if (matchers.Count != 1)
        {
            yield return $"{name}: needs exactly one path matcher";
            yield break;
        }

        var pattern = (string)matchers[0]["Pattern"]!;
        var others = SpecOperations.All.Where(o => o != operation);
        var fits = (string?)matchers[0]["Name"] switch
        {
            "ExactMatcher" => operation.PathPattern.IsMatch(pattern) && !others.Any(o => o.PathPattern.IsMatch(pattern)),
            "RegexMatcher" => Regex.IsMatch(operation.ExamplePath, pattern) && !others.Any(o => Regex.IsMatch(o.ExamplePath, pattern)),
            var other => false,
        };
        if (!fits)
        {
            yield return $"{name}: path matcher '{pattern}' does not select {operation.OperationId} ({operation.PathTemplate}) alone";
        }
    }

    private static (string OperationId, string Code) Identify(string fileName)
    {
        var parts = fileName.Split('.');
        return (parts[0], parts.Length > 2 ? parts[1] : string.Empty);
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
