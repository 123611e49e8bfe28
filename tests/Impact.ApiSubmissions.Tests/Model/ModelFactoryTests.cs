using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Model;

public class ModelFactoryTests
{
    [Fact]
    public void A_factory_submission_has_every_value_it_was_given()
    {
        var submitted = new DateTimeOffset(2024, 8, 1, 9, 0, 0, TimeSpan.FromHours(-7));
        var s = ApiSubmissionsModelFactory.ApiSubmission(
            batchId: "A-1", accountId: 10001, submissionDate: submitted, campaignId: 3_000_000_000, actionTrackerId: 4000,
            mediaPartnerId: 5_000_000_000, eventCode: "SALE", orderId: "O-1", payload: "CampaignId=1", type: SubmissionType.Conversion,
            status: SubmissionStatus.Complete, completionDate: submitted.AddMinutes(3), errorType: SubmissionErrorType.ContractError,
            errorReason: "CONTRACT_NOT_FOUND", uri: "/x/A-1", additionalFields: new[] { new KeyValuePair<string, string>("NewField", "x") });

        s.BatchId.Should().Be("A-1");
        s.CampaignId.Should().Be(3_000_000_000, "ids are long");
        s.MediaPartnerId.Should().Be(5_000_000_000);
        s.ProcessingTime.Should().Be(TimeSpan.FromMinutes(3));
        s.ErrorReasons.Should().Equal(ErrorReason.ContractNotFound);
        s.AdditionalFields.Should().Equal(new Dictionary<string, string> { ["NewField"] = "x" });
    }

    [Fact]
    public void Every_generated_model_has_a_factory_method_that_sets_each_wire_property()
    {
        var models = typeof(ApiSubmission).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.GetCustomAttributes(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false).Length > 0 && !typeof(IListingPage).IsAssignableFrom(t))
            .ToList();

        models.Should().Contain(new[] { typeof(ApiSubmission), typeof(ImpactError), typeof(ImpactFieldError) });
        foreach (var model in models)
        {
            var method = typeof(ApiSubmissionsModelFactory).GetMethod(model.Name);
            method.Should().NotBeNull("{0} is generated from the spec, so is its factory method", model.Name);
            var wire = model.GetProperties().Where(p => p.GetCustomAttributes(typeof(JsonPropertyAttribute), false).Length > 0).ToList();
            var arguments = method!.GetParameters().Select(p => p.Name == "additionalFields" ? null : SampleFor(p.ParameterType)).ToArray();
            var built = method.Invoke(null, arguments)!;

            foreach (var property in wire)
            {
                var parameter = method.GetParameters().Single(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                property.GetValue(built).Should().Be(arguments[parameter.Position], "{0}.{1} is set from its parameter", model.Name, property.Name);
            }
        }
    }

    [Fact]
    public void Every_generated_factory_method_takes_its_values_by_name_only()
    {
        // Their parameters follow the spec's order: a marker first, which no value converts to, keeps a field
        // added anywhere in a schema from moving a caller's argument.
        var generated = typeof(ApiSubmissionsModelFactory).GetMethods()
            .Where(m => m.DeclaringType == typeof(ApiSubmissionsModelFactory) && m.ReturnType.GetCustomAttributes(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false).Length > 0
                && !typeof(IListingPage).IsAssignableFrom(m.ReturnType))
            .ToList();

        generated.Select(m => m.Name).Should().Contain(new[] { nameof(ApiSubmission), nameof(FtpFileSubmission), nameof(FtpErrorDetail), nameof(ImpactError) });
        foreach (var method in generated)
        {
            method.GetParameters()[0].ParameterType.Should().Be(typeof(ApiSubmissionsModelFactory.NamedArgumentsOnly), "{0} is generated in spec order", method.Name);
            method.GetParameters().Should().OnlyContain(p => p.HasDefaultValue, "{0} is called with the names a test needs", method.Name);
        }
    }

    private static object? SampleFor(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "x";
        if (t == typeof(long)) return 42L;
        if (t == typeof(int)) return 7;
        if (t == typeof(double)) return 1.5;
        if (t == typeof(decimal)) return 2.5m;
        if (t == typeof(bool)) return true;
        if (t == typeof(DateTimeOffset)) return new DateTimeOffset(2024, 8, 1, 9, 0, 0, TimeSpan.FromHours(-7));
        if (t.IsValueType && t.GetConstructor(new[] { typeof(string) }) is { } enumCtor) return enumCtor.Invoke(new object[] { "SOME_VALUE" });
        return null;
    }

    [Fact]
    public void A_users_own_json_convert_writes_the_wire_form_with_enums_as_strings()
    {
        var s = ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-1", status: SubmissionStatus.InProgress, errorType: SubmissionErrorType.ContractError,
            additionalFields: new[] { new KeyValuePair<string, string>("NewField", "x") });

        var json = JObject.Parse(JsonConvert.SerializeObject(s));

        json["Status"]!.Value<string>().Should().Be("In Progress");
        json["ErrorType"]!.Value<string>().Should().Be("Contract Error");
        json["NewField"]!.Value<string>().Should().Be("x");
        json.Properties().Select(p => p.Name).Should().NotContain(new[] { "IsComplete", "ErrorReasons", "AdditionalFields", "HasErrors" });
    }

    [Fact]
    public void A_page_shows_its_submissions_metadata_and_continuation_token()
    {
        var page = ApiSubmissionsModelFactory.Page(new[] { ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-1") }, page: 2, numPages: 3, total: 21, continuationToken: "/next");

        page.Items.Select(s => s.BatchId).Should().Equal("A-1");
        page.PageInfo.Page.Should().Be(2);
        page.PageInfo.NumPages.Should().Be(3);
        page.PageInfo.Total.Should().Be(21);
        page.ContinuationToken.Should().Be("/next");
    }

    [Fact]
    public void Error_envelope_and_rate_limit_are_built_for_mocked_failures()
    {
        var error = ApiSubmissionsModelFactory.ImpactError(message: "Bad", status: "ERROR", errors: new[] { ApiSubmissionsModelFactory.ImpactFieldError(field: "BatchId", message: "unknown") });
        var limit = ApiSubmissionsModelFactory.RateLimitState(limit: 1000, remaining: 0, retryAfter: TimeSpan.FromSeconds(5));

        error.Errors!.Single().Field.Should().Be("BatchId");
        limit.SuggestedDelay.Should().Be(TimeSpan.FromSeconds(5));
    }
}
