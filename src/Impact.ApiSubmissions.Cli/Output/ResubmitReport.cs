using System.Text;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// The <c>--report</c> of a <c>resubmit</c> batch: one row per submission (old BatchId, new BatchId, outcome, detail),
/// as JSON (an array of objects, every value a string) or RFC 4180 CSV. Written to a temporary file beside the
/// target and moved over it, so a failed run never leaves half a report.
/// </summary>
internal sealed class ResubmitReport
{
    public const string Queued = "queued";
    public const string DryRun = "dry-run";
    public const string Invalid = "invalid";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    private readonly OutputFormat _format;

    private ResubmitReport(string path, OutputFormat format)
    {
        Path = path;
        _format = format;
    }

    /// <summary>Every outcome, in the order the summary lists them.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = new[] { Queued, DryRun, Invalid, Failed, Skipped };

    public string Path { get; }

    /// <summary>The report asked for, checked before any request; null without <c>--report</c>.</summary>
    /// <exception cref="UsageException">An unknown format, or none given for a file whose extension names none.</exception>
    public static ResubmitReport? For(string? path, string? format)
    {
        if (path is null)
        {
            return format is null ? null : throw new UsageException("--report-format needs --report PATH.");
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("--report needs a file path.");
        }

        // Checked now, not after the batch was sent: a report that cannot be written must not cost a run.
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"Cannot write the report '{path}': the folder '{folder}' does not exist.");
        }

        var chosen = (format ?? System.IO.Path.GetExtension(path).TrimStart('.')).ToLowerInvariant();
        return chosen switch
        {
            "json" => new ResubmitReport(path, OutputFormat.Json),
            "csv" => new ResubmitReport(path, OutputFormat.Csv),
            _ when format is null => throw new UsageException($"Which format for the report '{path}'? Name it .json or .csv, or give --report-format json|csv."),
            _ => throw new UsageException($"Unknown --report-format '{format}': use json or csv."),
        };
    }

    public void Write(IReadOnlyList<Row> rows)
    {
        var full = System.IO.Path.GetFullPath(Path);
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temporary, Text(rows, _format), new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(temporary);
            throw new CommandFailedException(ExitCodes.UsageError, $"Cannot write the report '{Path}': {e.Message}");
        }
    }

    private static void Discard(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder itself is unusable: there is no temporary file to remove.
        }
    }

    // The listings' writer: the columns are the row's fields, every value a string.
    private static string Text(IReadOnlyList<Row> rows, OutputFormat format)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new RecordWriter<Row>(text, format);
        foreach (var row in rows)
        {
            writer.Write(row);
        }

        writer.End();
        return text.ToString();
    }

    /// <summary>What became of one submission; <see cref="NewBatchId"/> is empty unless it was queued.</summary>
    internal sealed record Row(string OldBatchId, string NewBatchId, string Outcome, string Detail)
    {
        public override string ToString() =>
            Outcome == Queued ? $"{OldBatchId} -> {NewBatchId}: queued" : $"{OldBatchId}: {Outcome}: {Detail}";
    }
}
