using System;
using System.Linq;
using CsCheck;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>Round trips over random keys and values, with the characters form encoding gives a meaning to.</summary>
public class PropertyTests
{
    private const int Iterations = 2_000;

    /// <summary>Pieces of text: the form-encoding specials, spaces, escapes, and non-ASCII characters in and beyond the BMP.</summary>
    private static readonly Gen<string> Atom = Gen.Frequency(
        (6, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (6, Gen.OneOfConst("&", "=", "+", "%", " ", "%41", "%zz", "%C3%A9", "~", ":", "/", "#", "?", "*", "\t", "\0")),
        (3, Gen.OneOfConst("é", "ß", "漢", "\u00A0", "\u200B", "\uFFFD", "😀", "🔨", "𝄞")),
        (2, Gen.Char['\u0080', '\uD7FF'].Select(c => c.ToString())),
        (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())));

    private static readonly Gen<string> Text = Atom.Array[0, 12].Select(string.Concat);

    private static readonly Gen<(string Key, string Value)[]> Pairs = Gen.Select(Text, Text).Array[0, 15];

    /// <summary>Raw payload text: segments of escapes, specials and separators, well-formed or not.</summary>
    private static readonly Gen<string> RawText = Gen.Frequency(
        (8, Atom),
        (2, Gen.OneOfConst("&&", "==", "%", "%4", "%FF", "%E6%BC", "%ED%A0%80", "+", "Item", "ItemSku1=", "1", "_2")))
        .Array[0, 30].Select(string.Concat);

    /// <summary>Well-formed text, as other encoders write it: our decoding agrees with theirs.</summary>
    [Fact]
    public void Text_written_by_other_encoders_decodes_to_the_pairs_they_encoded()
    {
        var encoders = new Func<string, string>[]
        {
            s => System.Web.HttpUtility.UrlEncode(s),     // lower-case hex, '+' for a space
            Uri.EscapeDataString,                         // upper-case hex, %20 for a space
            s => System.Net.WebUtility.UrlEncode(s),      // upper-case hex, '+' for a space
        };
        Gen.Select(Pairs, Gen.Int[0, encoders.Length - 1], Gen.Int[0, 3]).Sample(
            (pairs, encoder, emptySegments) =>
            {
                var encode = encoders[encoder];
                string text = new string('&', emptySegments)
                    + string.Join("&" + new string('&', emptySegments), pairs.Select(p => encode(p.Key) + "=" + encode(p.Value)));

                SubmissionPayload.Parse(text).Pairs().Should().Equal(pairs);
            },
            iter: Iterations);
    }

    [Fact]
    public void Built_pairs_format_and_parse_back_to_the_same_pairs_in_order()
    {
        Pairs.Sample(
            pairs =>
            {
                var payload = new SubmissionPayload();
                foreach (var (key, value) in pairs)
                {
                    payload.Add(key, value);
                }

                SubmissionPayload.Parse(payload.ToString()).Pairs().Should().Equal(pairs);
            },
            iter: Iterations);
    }

    [Fact]
    public void Set_values_read_back_by_name_after_format_and_parse()
    {
        Gen.Select(Pairs, Text, Text).Sample(
            (pairs, key, value) =>
            {
                var payload = new SubmissionPayload();
                foreach (var (k, v) in pairs)
                {
                    payload.Add(k, v);
                }

                payload.Set(key, value);
                var parsed = SubmissionPayload.Parse(payload.ToString());

                parsed[key].Should().Be(value);
                parsed.GetValues(key).Should().Equal(value);
                parsed.Count.Should().Be(pairs.Count(p => p.Key != key) + 1);
            },
            iter: Iterations);
    }

    [Fact]
    public void Any_string_parses_and_an_unedited_payload_formats_back_to_it_exactly()
    {
        Gen.Frequency((1, Gen.String), (3, RawText)).Sample(
            text =>
            {
                SubmissionPayload.TryParse(text, out var payload).Should().BeTrue();
                payload.ToString().Should().Be(text);
                payload.Validate().Should().NotBeNull();
                _ = payload.Items.Select(i => (i.Sku, i.Quantity, i.Price, i.GetDate(1))).ToList();
                _ = (payload.CampaignId, payload.EventDate, payload.OrderDiscount, payload.GiftPurchase, payload.AdditionalFields);
            },
            iter: Iterations);
    }

    [Fact]
    public void Any_parsed_payload_keeps_its_values_through_an_edit_and_a_second_parse()
    {
        RawText.Sample(
            text =>
            {
                var payload = SubmissionPayload.Parse(text);
                var before = payload.Pairs();

                payload.Add("Edited", "yes & no");
                var reparsed = SubmissionPayload.Parse(payload.ToString());

                reparsed.Pairs().Should().Equal(before.Append(("Edited", "yes & no")));
            },
            iter: Iterations);
    }
}
