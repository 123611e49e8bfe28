using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>Finds the problems of a payload that a user wants flagged before resubmitting it.</summary>
internal static class PayloadValidator
{
    public static IReadOnlyList<PayloadProblem> Validate(SubmissionPayload payload, bool asConversion)
    {
        var problems = new List<PayloadProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<string>();
        string? firstMoneyKey = null;

        for (int i = 0; i < payload.Count; i++)
        {
            string key = payload.KeyAt(i);
            if (seen.TryGetValue(key, out int count))
            {
                if (count == 1)
                {
                    repeated.Add(key);
                }

                seen[key] = count + 1;
            }
            else
            {
                seen[key] = 1;
            }

            CheckEncoding(payload, i, key, problems);

            int? itemIndex = null;
            PayloadValueKind kind;
            if (PayloadItemKey.TryClassify(key, out int item, out var attribute, out _))
            {
                itemIndex = item;
                kind = attribute?.Kind ?? PayloadValueKind.Text;
            }
            else if (!PayloadKeys.TryGetKind(key, out kind))
            {
                continue;
            }

            string value = payload.ValueAt(i);
            if (value.Length == 0)
            {
                continue;
            }

            if (kind == PayloadValueKind.Money && firstMoneyKey is null)
            {
                firstMoneyKey = key;
            }

            CheckValue(key, value, kind, itemIndex, problems);
        }

        foreach (string key in repeated)
        {
            problems.Add(new PayloadProblem(
                PayloadProblemKind.DuplicateKey,
                key,
                $"{Name(key)} occurs {seen[key]} times; readers by name see only the first value, \"{payload[key]}\"."));
        }

        if (asConversion)
        {
            CheckConversionRules(payload, problems);
        }

        foreach (var item in payload.Items)
        {
            if (string.IsNullOrEmpty(item.Sku))
            {
                string firstKey = item.Fields[0].Key;
                problems.Add(new PayloadProblem(
                    PayloadProblemKind.ItemWithoutSku,
                    firstKey,
                    $"Item {item.Index} has no ItemSku{item.Index} (its first key is {firstKey}).",
                    item.Index));
            }
        }

        // impact.com asks for CurrencyCode with money on a conversion (its Conversions document); a modification or
        // reversal changes an action that already has its currency, and impact.com sends none in their payloads.
        if (asConversion && firstMoneyKey is not null && string.IsNullOrEmpty(payload.CurrencyCode))
        {
            problems.Add(new PayloadProblem(
                PayloadProblemKind.MoneyWithoutCurrency,
                firstMoneyKey,
                $"{firstMoneyKey} is a money value, but the payload has no CurrencyCode to say which currency it is in."));
        }

        return problems;
    }

    private static void CheckEncoding(SubmissionPayload payload, int index, string key, List<PayloadProblem> problems)
    {
        if (key.Length == 0)
        {
            problems.Add(new PayloadProblem(
                PayloadProblemKind.EmptyKey,
                key,
                $"A field has an empty key (value \"{payload.ValueAt(index)}\"); nothing can read it by a documented name."));
        }

        var issues = payload.DecodeIssuesAt(index);
        if ((issues & PayloadDecodeIssues.MalformedEscape) != 0)
        {
            problems.Add(new PayloadProblem(
                PayloadProblemKind.MalformedEscape,
                key,
                $"{Name(key)} contains a '%' that does not start a %XX escape; it was read literally as \"{payload.ValueAt(index)}\"."));
        }

        if ((issues & PayloadDecodeIssues.InvalidUtf8) != 0)
        {
            problems.Add(new PayloadProblem(
                PayloadProblemKind.InvalidUtf8,
                key,
                $"{Name(key)} contains escaped bytes that are not UTF-8 (perhaps another character set); they were read as U+FFFD: \"{payload.ValueAt(index)}\"."));
        }
    }

    private static void CheckValue(string key, string value, PayloadValueKind kind, int? itemIndex, List<PayloadProblem> problems)
    {
        switch (kind)
        {
            case PayloadValueKind.Int32 when !PayloadValues.TryParseInt32(value, out _):
            case PayloadValueKind.Id when !PayloadValues.TryParseInt64(value, out _):
                problems.Add(new PayloadProblem(
                    PayloadProblemKind.InvalidNumber, key, $"{key} is \"{value}\", which is not a whole number.", itemIndex));
                break;
            case PayloadValueKind.Decimal or PayloadValueKind.Money when !PayloadValues.TryParseDecimal(value, out _):
                problems.Add(new PayloadProblem(
                    PayloadProblemKind.InvalidNumber,
                    key,
                    $"{key} is \"{value}\", which is not a number (write digits with '.' as the decimal separator, no thousands separator).",
                    itemIndex));
                break;
            case PayloadValueKind.DateTime:
                CheckDate(key, value, itemIndex, problems);
                break;
            case PayloadValueKind.Boolean when !PayloadValues.TryParseBoolean(value, out _):
                problems.Add(new PayloadProblem(
                    PayloadProblemKind.InvalidBoolean, key, $"{key} is \"{value}\", which is not true, false, 1 or 0.", itemIndex));
                break;
        }
    }

    private static void CheckDate(string key, string value, int? itemIndex, List<PayloadProblem> problems)
    {
        switch (PayloadValues.TryParseDateTimeOffset(value, out _))
        {
            case PayloadDateForm.NoOffset:
                problems.Add(new PayloadProblem(
                    PayloadProblemKind.DateWithoutOffset,
                    key,
                    $"{key} is \"{value}\", which has no UTC offset; add Z or one such as -08:00 (written %2B for a '+').",
                    itemIndex));
                break;
            case PayloadDateForm.Invalid:
                // An offset's '+' sent unescaped decodes to a space: "23:55:24 05:30". Say so.
                string hint = value.IndexOf(' ') > 0 && value.IndexOf(':') > 0
                    ? " A '+' sent unescaped decodes to a space: write the offset's '+' as %2B."
                    : string.Empty;
                problems.Add(new PayloadProblem(
                    PayloadProblemKind.InvalidDate,
                    key,
                    $"{key} is \"{value}\", which is not an ISO 8601 date and time such as 2024-08-01T23:55:24-08:00.{hint}",
                    itemIndex));
                break;
        }
    }

    /// <summary>
    /// impact.com's rules for a conversion, read from the key table (the spec's conversion schema): each required
    /// key; at least one key of each payload-level one-of group; exactly one attribute of each item-level group per item.
    /// </summary>
    private static void CheckConversionRules(SubmissionPayload payload, List<PayloadProblem> problems)
    {
        foreach (var key in PayloadKeys.All)
        {
            if (key.Required && string.IsNullOrEmpty(payload[key.Name]))
            {
                problems.Add(new PayloadProblem(
                    PayloadProblemKind.MissingRequiredKey,
                    key.Name,
                    $"{key.Name} is required on a conversion and is {(payload.ContainsKey(key.Name) ? "empty" : "missing")}."));
            }
        }

        foreach (var group in PayloadKeys.OneOfGroups)
        {
            if (!group.Keys.Exists(k => !string.IsNullOrEmpty(payload[k])))
            {
                problems.Add(new PayloadProblem(
                    PayloadProblemKind.MissingOneOf,
                    group.Keys[0],
                    $"A conversion needs one {group.Name} key ({string.Join(", ", group.Keys)}) and has none."));
            }
        }

        foreach (var group in PayloadItemAttributes.OneOfGroups)
        {
            foreach (var item in payload.Items)
            {
                var present = group.Keys.FindAll(a => !string.IsNullOrEmpty(payload[PayloadItemKey.Format(a, item.Index)]));
                if (present.Count == 1)
                {
                    continue;
                }

                var keys = group.Keys.ConvertAll(a => PayloadItemKey.Format(a, item.Index));
                problems.Add(new PayloadProblem(
                    present.Count == 0 ? PayloadProblemKind.MissingOneOf : PayloadProblemKind.ConflictingKeys,
                    present.Count == 0 ? keys[0] : PayloadItemKey.Format(present[1], item.Index),
                    present.Count == 0
                        ? $"Item {item.Index} needs one of {string.Join(" or ", keys)} ({group.Name}) and has none."
                        : $"Item {item.Index} has both {string.Join(" and ", keys)}; send exactly one ({group.Name}).",
                    item.Index));
            }
        }
    }

    private static string Name(string key) => key.Length == 0 ? "A field with an empty key" : key;
}
