using System;
using System.Linq;
using CsCheck;
using FluentAssertions;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Model;

/// <summary>Only RFC 8259 JSON reads: what Newtonsoft tolerates by default is a wire-format error naming the position.</summary>
public class StrictJsonTests
{
    [Theory]
    [InlineData("{\"BatchId\":}", "line 1, position 12: a member with no value")]
    [InlineData("{\"BatchId\":,\"Status\":\"Complete\"}", "line 1, position 12: a member with no value")]
    [InlineData("{\"BatchId\":\"A-1\",}", "line 1, position 18: a trailing comma")]
    [InlineData("{\"APISubmissions\":[{\"BatchId\":\"A-1\"},]}", "line 1, position 38: a trailing comma")]
    [InlineData("{\"BatchId\":\"A-1\" /* note */}", "line 1, position 18: a comment")]
    [InlineData("// note\n{\"BatchId\":\"A-1\"}", "line 1, position 1: a comment")]
    [InlineData("{\"BatchId\":\"A-1\"}\n// trailing", "line 2, position 1: content after the JSON value")]
    [InlineData("{'BatchId':'A-1'}", "line 1, position 2: a name in single quotes")]
    [InlineData("{\"BatchId\":'A-1'}", "line 1, position 12: a string in single quotes")]
    [InlineData("{BatchId:\"A-1\"}", "line 1, position 2: a member name that is not a quoted string")]
    [InlineData("{\"AccountId\":NaN}", "line 1, position 14: an unexpected 'N'")]
    [InlineData("{\"AccountId\":012}", "line 1, position 15: '1' where ',' or '}' belongs")]
    [InlineData("{\"AccountId\":1.}", "line 1, position 16: a number JSON does not allow")]
    [InlineData("{\"BatchId\":\"A\tB\"}", "line 1, position 14: a control character inside a string")]
    [InlineData("{\"BatchId\":\"A\\x\"}", "line 1, position 15: an invalid escape in a string")]
    [InlineData("{\"BatchId\":\"A-1\" \"Status\":\"Complete\"}", "line 1, position 18: '\"' where ',' or '}' belongs")]
    [InlineData("{\"BatchId\":\"A-1\"}{\"BatchId\":\"A-2\"}", "line 1, position 18: content after the JSON value")]
    [InlineData("{\n  \"BatchId\": \"A-1\",\n  \"Status\": undefined\n}", "line 3, position 13: an unexpected 'u'")]
    public void Lenient_json_is_a_wire_format_error_that_names_the_position(string json, string expected)
    {
        var act = () => ImpactJson.Deserialize<ApiSubmission>(json);

        var e = act.Should().Throw<ImpactWireFormatException>().Which;
        e.Message.Should().StartWith("The body is not valid JSON at " + expected).And.EndWith(".");
        e.IsTruncated.Should().BeFalse();
        e.Should().BeAssignableTo<ImpactApiException>();
    }

    [Fact]
    public void A_problem_names_the_field_it_is_in()
    {
        var act = () => ImpactJson.Deserialize<ApiSubmissionPage>("{\"APISubmission\":[{\"BatchId\":\"A-1\",\"Status\":undefined}]}");

        var e = act.Should().Throw<ImpactWireFormatException>().Which;
        e.Field.Should().Be("APISubmission[0].Status");
        e.Message.Should().Contain("(field 'APISubmission[0].Status')");
    }

    [Theory]
    [InlineData("{\"BatchId\":\"A-1\"")]
    [InlineData("{\"BatchId\":\"A-")]
    [InlineData("{\"APISubmissions\":[{\"BatchId\":\"A-1\"},")]
    [InlineData("{\"AccountId\":12")]
    [InlineData("{\"Status\":tr")]
    public void Json_that_stops_early_is_reported_as_truncated(string json)
    {
        var act = () => ImpactJson.Deserialize<ApiSubmissionPage>(json);

        var e = act.Should().Throw<ImpactWireFormatException>().Which;
        e.IsTruncated.Should().BeTrue();
        e.Message.Should().Contain("the body looks truncated");
    }

    [Theory]
    [InlineData("\uFEFF{\"BatchId\":\"A-1\"}")]
    [InlineData(" \r\n\t{ \"BatchId\" : \"A-1\" , \"AccountId\" : \"10001\" , \"Extra\" : [ 1.5e3 , -0 , true , false , null , { } , [ ] , \"\\u00e9\\n\\\"\" ] } \r\n")]
    [InlineData("{\"BatchId\":\"A-1\",\"MediaPartnerId\":\"\",\"CompletionDate\":\"\",\"OrderId\":null,\"Payload\":\"ItemSku1=X&ItemPrice1=1.00\",\"Note\":\"\u00e9\u6f22\ud83d\ude00\"}")]
    public void Valid_json_in_every_form_impact_sends_still_reads(string json)
    {
        ImpactJson.Deserialize<ApiSubmission>(json).BatchId.Should().Be("A-1");
    }

    [Fact]
    public void Any_json_a_standard_writer_produces_passes_the_strict_check()
    {
        var leaf = Gen.OneOf(
            Gen.String.Select(s => (JToken)new JValue(s)),
            Gen.Long.Select(n => (JToken)new JValue(n)),
            Gen.Double.Where(d => !double.IsNaN(d) && !double.IsInfinity(d)).Select(d => (JToken)new JValue(d)),
            Gen.Bool.Select(b => (JToken)new JValue(b)),
            Gen.Const((JToken)JValue.CreateNull()));
        var obj = Gen.Select(Gen.String, leaf).Array[0, 6].Select(members =>
        {
            var o = new JObject();
            foreach (var (name, value) in members)
            {
                o[name] = value;
            }

            return o;
        });
        var doc = Gen.Select(obj, obj.Array[0, 4]).Select((o, items) => { o["APISubmissions"] = new JArray(items.Select(i => (object)i).ToArray()); return o; });

        doc.Sample(
            o =>
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(o.ToString(Newtonsoft.Json.Formatting.Indented));
                var act = () => StrictJson.Validate(bytes, bytes.Length);
                act.Should().NotThrow();
            },
            iter: 500);
    }
}
