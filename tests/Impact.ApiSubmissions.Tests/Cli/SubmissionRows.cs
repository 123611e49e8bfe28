using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>The wire fields of a submission (as the spec names them) as text, to compare what the tool printed with what the server holds.</summary>
internal static class SubmissionRows
{
    // The spec's field names, and the model's properties that carry them: a spec edit needs no edit here.
    public static readonly string[] Header = Foundation.SpecFile.SchemaProperties("ApiSubmission");

    private static readonly System.Reflection.PropertyInfo[] Properties = Header
        .Select(name => typeof(ApiSubmission).GetProperties().Single(p =>
            p.GetCustomAttributes(typeof(Newtonsoft.Json.JsonPropertyAttribute), false)
                .Cast<Newtonsoft.Json.JsonPropertyAttribute>().Any(a => a.PropertyName == name)))
        .ToArray();

    public static string[] Of(ApiSubmission s) => Properties.Select(p => Text(p.GetValue(s))).ToArray();

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        long number => Number(number),
        DateTimeOffset date => Date(date),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static List<string> Lines(IEnumerable<ApiSubmission> submissions) => submissions.Select(s => string.Join(" | ", Of(s))).ToList();

    public static List<string> Lines(IEnumerable<string[]> rows) => rows.Select(r => string.Join(" | ", r)).ToList();

    /// <summary>The values of the column headed <paramref name="name"/>, found by name: a field the spec adds moves the others.</summary>
    public static List<string> Column(List<string[]> rows, string name)
    {
        var index = System.Array.IndexOf(rows[0], name);
        if (index < 0)
        {
            throw new System.ArgumentException($"No column {name} in the header: {string.Join(",", rows[0])}", nameof(name));
        }

        return rows.Skip(1).Select(r => r[index]).ToList();
    }

    /// <summary>Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields.ToArray());
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            throw new FormatException("The last record does not end with CRLF.");
        }

        return records;
    }

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Date(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? string.Empty;
}
