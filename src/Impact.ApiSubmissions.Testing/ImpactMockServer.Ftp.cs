using System;
using System.Collections.Generic;
using System.Linq;
using Impact.ApiSubmissions.Testing.Internal;

namespace Impact.ApiSubmissions.Testing;

// FTP file submissions: /Advertisers/{AccountSID}/FTPFileSubmissions, one file, and its failed lines.
public sealed partial class ImpactMockServer
{
    /// <summary>
    /// The FTP file submissions in list order: the generated ones (oldest first), then those a test added, each
    /// as a client would read it now. Changing these objects does not change what the server answers.
    /// </summary>
    public IReadOnlyList<FtpFileSubmission> FtpFileSubmissions => _ftpFiles.All.Select(f => f.Now.Current).ToList();

    /// <summary>The failed lines the server answers for a file now, in line order (empty until the file is Complete).</summary>
    /// <param name="batchId">The file's BatchId.</param>
    /// <returns>The lines as a client would read them.</returns>
    /// <exception cref="KeyNotFoundException">The server holds no file with this BatchId.</exception>
    public IReadOnlyList<FtpErrorDetail> GetFtpErrorDetails(string batchId)
    {
        if (!_ftpFiles.TryFind(batchId ?? throw new ArgumentNullException(nameof(batchId)), out var file))
        {
            throw new KeyNotFoundException($"The server holds no FTP file submission with BatchId '{batchId}'.");
        }

        return file.Now.ErrorLines.Select(FtpRecords.Error.Read).ToList();
    }

    /// <summary>
    /// Adds a settled FTP file submission after the others, with its failed lines. Fields left unset take this
    /// server's account and clock: a BatchId, <c>Complete</c>, TotalRecords (at least the highest line), a
    /// completion a few minutes after submission, and the <c>Uri</c> and <c>ErrorsUri</c> of the file (each line's <c>Uri</c> too).
    /// TotalErrors is the number of lines.
    /// </summary>
    /// <param name="file">The file as a client should read it.</param>
    /// <param name="errorDetails">Its failed lines, each with a <c>Line</c>; none for a file without errors.</param>
    /// <returns>The file as a client will read it.</returns>
    /// <exception cref="ArgumentException">TotalErrors is set and differs from the number of lines, a line has no Line
    /// number or two share one, or the server already holds a file with this BatchId.</exception>
    public FtpFileSubmission AddFtpFileSubmission(FtpFileSubmission file, IEnumerable<FtpErrorDetail>? errorDetails = null)
    {
        var (final, lines) = Complete(file, errorDetails);
        var stored = FtpStoredFile.Settled(final, () => lines);
        _ftpFiles.Add(stored);
        return stored.Final;
    }

    /// <summary>
    /// Adds an FTP file submission that processes as it is read, as <see cref="AddProgressingSubmission"/> does (a get
    /// of it, or a list page that shows it): the first <paramref name="getsPerStatus"/> reads answer <c>Queued</c>
    /// (TotalRecords and TotalErrors 0), the next <c>In Progress</c> (records counted, no errors yet), then its final
    /// state. Error details show the stage reached; at every stage TotalErrors equals the failed lines served.
    /// </summary>
    /// <param name="final">The file once processed, completed as in <see cref="AddFtpFileSubmission"/>.</param>
    /// <param name="errorDetails">Its failed lines once processed.</param>
    /// <param name="getsPerStatus">How many reads each of Queued and In Progress lasts; at least 1.</param>
    /// <returns>The file in its final state.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="getsPerStatus"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">As for <see cref="AddFtpFileSubmission"/>.</exception>
    public FtpFileSubmission AddProgressingFtpFileSubmission(FtpFileSubmission final, IEnumerable<FtpErrorDetail>? errorDetails = null, int getsPerStatus = 1)
    {
        if (getsPerStatus < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(getsPerStatus), getsPerStatus, "Must be at least 1.");
        }

        var (completed, lines) = Complete(final, errorDetails);
        var stored = FtpStoredFile.Progressing(completed, lines, getsPerStatus);
        _ftpFiles.Add(stored);
        return stored.Final;
    }

    // Copies (the caller's objects stay theirs) with the unset fields filled in, and TotalErrors checked against the lines.
    private (FtpFileSubmission File, IReadOnlyList<FtpErrorDetail> Lines) Complete(FtpFileSubmission file, IEnumerable<FtpErrorDetail>? errorDetails)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var copy = FtpRecords.File.Read(FtpRecords.Write(file));
        var lines = (errorDetails ?? Enumerable.Empty<FtpErrorDetail>()).Select(l => FtpRecords.Error.Read(FtpRecords.Write(l))).ToList();
        if (lines.Any(l => l.Line is null) || lines.Select(l => l.Line).Distinct().Count() != lines.Count)
        {
            throw new ArgumentException("Every failed line needs its own Line number.", nameof(errorDetails));
        }

        if (copy.TotalErrors is { } total && total != lines.Count)
        {
            throw new ArgumentException($"TotalErrors is {total}, but {lines.Count} failed lines were given: impact.com lists one line per error.", nameof(file));
        }

        var batchId = string.IsNullOrEmpty(copy.BatchId) ? "F" + BatchIds.NextUnseeded().Substring(1) : copy.BatchId!;
        copy.BatchId = batchId;
        copy.AccountId ??= _defaults.AccountId;
        copy.SubmissionDate ??= AccountClock.ToAccountTime(_defaults.Now);
        copy.FileName = OrDefault(copy.FileName, "conversions.csv");
        copy.Type ??= SubmissionType.Conversion;
        copy.Status ??= SubmissionStatus.Complete;
        copy.TotalErrors = lines.Count;
        copy.TotalRecords ??= Math.Max(lines.Count, lines.Count == 0 ? 1 : lines.Max(l => l.Line!.Value) - 1);
        if (copy.Status == SubmissionStatus.Complete)
        {
            copy.CompletionDate ??= copy.SubmissionDate.Value.AddMinutes(4);
        }

        copy.Uri = OrDefault(copy.Uri, FtpRecords.FileUri(_defaults.AccountSid, batchId));
        copy.ErrorsUri = OrDefault(copy.ErrorsUri, FtpRecords.ErrorsUri(_defaults.AccountSid, batchId));
        foreach (var line in lines.OrderBy(l => l.Line))
        {
            line.Uri = OrDefault(line.Uri, copy.ErrorsUri + "/" + line.Line!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return (copy, lines.OrderBy(l => l.Line).ToList());
    }

    // The copy went through the wire format, where an unset string comes back as "".
    private static string OrDefault(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value!;
}
