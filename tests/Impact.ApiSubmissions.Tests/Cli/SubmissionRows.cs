using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>The 15 wire fields of a submission as text, to compare what the tool printed with what the server holds.</summary>
internal static class SubmissionRows
{
    public static readonly string[] Header =
    {
        "BatchId", "AccountId", "SubmissionDate", "CampaignId", "ActionTrackerId", "MediaPartnerId", "EventCode", "OrderId",
        "Payload", "Type", "Status", "CompletionDate", "ErrorType", "ErrorReason", "Uri",
    };

    public static string[] Of(ApiSubmission s) => new[]
    {
        s.BatchId ?? string.Empty,
        Number(s.AccountId),
        Date(s.SubmissionDate),
        Number(s.CampaignId),
        Number(s.ActionTrackerId),
        Number(s.MediaPartnerId),
        s.EventCode ?? string.Empty,
        s.OrderId ?? string.Empty,
        s.Payload ?? string.Empty,
        s.Type?.ToString() ?? string.Empty,
        s.Status?.ToString() ?? string.Empty,
        Date(s.CompletionDate),
        s.ErrorType?.ToString() ?? string.Empty,
        s.ErrorReason ?? string.Empty,
        s.Uri ?? string.Empty,
    };

    public static List<string> Lines(IEnumerable<ApiSubmission> submissions) => submissions.Select(s => string.Join(" | ", Of(s))).ToList();

    public static List<string> Lines(IEnumerable<string[]> rows) => rows.Select(r => string.Join(" | ", r)).ToList();

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
