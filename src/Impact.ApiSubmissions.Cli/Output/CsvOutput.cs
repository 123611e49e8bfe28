using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Submissions as RFC 4180 CSV: a header row of the 15 wire field names, CRLF line ends, fields quoted
/// when they hold a comma, quote or line break; numbers invariant, dates ISO 8601 with their offset.
/// </summary>
internal sealed class CsvOutput
{
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "BatchId", "AccountId", "SubmissionDate", "CampaignId", "ActionTrackerId", "MediaPartnerId", "EventCode", "OrderId",
        "Payload", "Type", "Status", "CompletionDate", "ErrorType", "ErrorReason", "Uri",
    };

    private readonly TextWriter _writer;
    private bool _started;

    public CsvOutput(TextWriter writer) => _writer = writer;

    /// <summary>Writes the header if no row came: an empty listing is still a valid CSV file.</summary>
    public void End() => Start();

    public void Write(ApiSubmission s)
    {
        Start();
        WriteRecord(new[]
        {
            s.BatchId, Number(s.AccountId), Date(s.SubmissionDate), Number(s.CampaignId), Number(s.ActionTrackerId), Number(s.MediaPartnerId),
            s.EventCode, s.OrderId, s.Payload, s.Type?.ToString(), s.Status?.ToString(), Date(s.CompletionDate), s.ErrorType?.ToString(), s.ErrorReason, s.Uri,
        });
    }

    /// <summary>Quotes a field if it needs it.</summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        return field.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>ISO 8601 with the offset as sent, fractions of a second only when there are some.</summary>
    public static string? Date(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    // The header waits for the first row: a listing that fails at once leaves stdout empty.
    private void Start()
    {
        if (!_started)
        {
            _started = true;
            WriteRecord(Columns);
        }
    }

    private void WriteRecord(IEnumerable<string?> fields)
    {
        _writer.Write(string.Join(",", fields.Select(Escape)));
        _writer.Write("\r\n");
    }
}
