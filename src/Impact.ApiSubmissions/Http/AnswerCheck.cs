using System;
using System.Globalization;
using Impact.ApiSubmissions.Serialization;

namespace Impact.ApiSubmissions.Http;

/// <summary>
/// An answer is what was asked, and holds together: the record of the BatchId asked for, counts that cannot be
/// negative, no more failed records than records. Anything else is a wire-format error naming the field and the value,
/// never a record shown as if it were the one asked for.
/// </summary>
internal static class AnswerCheck
{
    /// <param name="answer">The parsed answer.</param>
    /// <param name="askedBatchId">The BatchId the request named; null for a page.</param>
    /// <param name="redact">Removes the credentials' secret from a text the server sent.</param>
    public static void Verify(object answer, string? askedBatchId, Func<string, string> redact)
    {
        switch (answer)
        {
            case ApiSubmission submission when askedBatchId is not null:
                SameBatchId(submission.BatchId, askedBatchId, redact);
                break;
            case FtpFileSubmission file:
                if (askedBatchId is not null)
                {
                    SameBatchId(file.BatchId, askedBatchId, redact);
                }

                Counts(file, string.Empty);
                break;
            case FtpFileSubmissionPage page:
                var files = page.FileSubmissions;
                for (var i = 0; i < files.Count; i++)
                {
                    Counts(files[i], "FTPFileSubmissions[" + i.ToString(CultureInfo.InvariantCulture) + "].");
                }

                break;
        }
    }

    /// <summary>A page must be the one the request named (its <c>Page</c> parameter), when both say.</summary>
    public static void SamePage(int? answered, int? requested)
    {
        if (answered is { } page && requested is { } asked && page != asked)
        {
            throw new ImpactWireFormatException(
                $"impact.com answered page {page.ToString(CultureInfo.InvariantCulture)} to a request for page {asked.ToString(CultureInfo.InvariantCulture)}: the answer is not the page asked for.",
                "@page",
                page.ToString(CultureInfo.InvariantCulture),
                null);
        }
    }

    private static void SameBatchId(string? answered, string asked, Func<string, string> redact)
    {
        if (!string.Equals(answered, asked, StringComparison.OrdinalIgnoreCase))
        {
            var shown = redact(answered ?? string.Empty);
            throw new ImpactWireFormatException(
                $"impact.com answered a request for BatchId '{WireText.Bound(asked)}' with the record of BatchId '{(answered is null ? "(absent)" : WireText.Bound(shown))}': the answer is not the record asked for.",
                "BatchId",
                shown,
                null);
        }
    }

    private static void Counts(FtpFileSubmission file, string at)
    {
        NotNegative(file.TotalRecords, at + "TotalRecords");
        NotNegative(file.TotalErrors, at + "TotalErrors");
        if (file.TotalErrors is { } errors && file.TotalRecords is { } records && errors > records)
        {
            throw new ImpactWireFormatException(
                $"impact.com reports {errors.ToString(CultureInfo.InvariantCulture)} failed records in a file of {records.ToString(CultureInfo.InvariantCulture)} records (field '{at}TotalErrors'): a file cannot fail more records than it has.",
                at + "TotalErrors",
                errors.ToString(CultureInfo.InvariantCulture),
                null);
        }
    }

    private static void NotNegative(long? count, string field)
    {
        if (count is < 0)
        {
            throw new ImpactWireFormatException(
                $"impact.com sent a negative count in field '{field}': {count.Value.ToString(CultureInfo.InvariantCulture)}.",
                field,
                count.Value.ToString(CultureInfo.InvariantCulture),
                null);
        }
    }
}
