using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>
/// Something a sync pass found changed: a new failure, a completion, a failure fixed by a later submission of the
/// same OrderId, or an FTP file that completed with failed records. <see cref="Key"/> names it for good (the same change
/// always makes the same key), so an event is recorded once per account however often a pass sees the change, and a
/// consumer can drop a repeat by its key.
/// </summary>
public sealed class SubmissionEvent
{
    /// <summary>Creates an event (users build one for tests of code that consumes events).</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="accountSid">The account.</param>
    /// <param name="submission">The submission it is about: for <see cref="SubmissionEventKind.Fixed"/>, the failed one.</param>
    /// <param name="detectedAt">When a pass found it.</param>
    /// <param name="fixedByBatchId">For <see cref="SubmissionEventKind.Fixed"/>: the BatchId of the submission that fixed it.</param>
    /// <exception cref="ArgumentException">The submission has no BatchId, a Fixed event names no fixing BatchId, or the kind is <see cref="SubmissionEventKind.FtpFileFailed"/> (that event is about a file: see the other constructor).</exception>
    public SubmissionEvent(SubmissionEventKind kind, string accountSid, ApiSubmission submission, DateTimeOffset detectedAt, string? fixedByBatchId = null)
    {
        Kind = kind;
        AccountSid = accountSid ?? throw new ArgumentNullException(nameof(accountSid));
        Submission = submission ?? throw new ArgumentNullException(nameof(submission));
        DetectedAt = detectedAt;
        FixedByBatchId = fixedByBatchId;
        if (string.IsNullOrEmpty(submission.BatchId))
        {
            throw new ArgumentException("The submission has no BatchId.", nameof(submission));
        }

        if (kind == SubmissionEventKind.Fixed && string.IsNullOrEmpty(fixedByBatchId))
        {
            throw new ArgumentException("A Fixed event names the BatchId that fixed the failure.", nameof(fixedByBatchId));
        }

        if (kind == SubmissionEventKind.FtpFileFailed)
        {
            throw new ArgumentException("An FtpFileFailed event is about an FTP file: create it from the FtpFileSubmission.", nameof(kind));
        }
    }

    /// <summary>Creates an <see cref="SubmissionEventKind.FtpFileFailed"/> event: an FTP file completed with failed records.</summary>
    /// <param name="accountSid">The account.</param>
    /// <param name="ftpFile">The file, as read.</param>
    /// <param name="detectedAt">When a pass found it.</param>
    /// <exception cref="ArgumentException">The file has no BatchId.</exception>
    public SubmissionEvent(string accountSid, FtpFileSubmission ftpFile, DateTimeOffset detectedAt)
    {
        FtpFile = ftpFile ?? throw new ArgumentNullException(nameof(ftpFile));
        if (string.IsNullOrEmpty(ftpFile.BatchId))
        {
            throw new ArgumentException("The FTP file has no BatchId.", nameof(ftpFile));
        }

        Kind = SubmissionEventKind.FtpFileFailed;
        AccountSid = accountSid ?? throw new ArgumentNullException(nameof(accountSid));
        DetectedAt = detectedAt;

        // The fields a file shares with an API submission, so that code written for the other kinds reads this one too.
        Submission = ApiSubmissionsModelFactory.ApiSubmission(
            batchId: ftpFile.BatchId,
            accountId: ftpFile.AccountId,
            submissionDate: ftpFile.SubmissionDate,
            type: ftpFile.Type,
            status: ftpFile.Status,
            completionDate: ftpFile.CompletionDate,
            uri: ftpFile.Uri);
    }

    /// <summary>What happened.</summary>
    public SubmissionEventKind Kind { get; }

    /// <summary>The account.</summary>
    public string AccountSid { get; }

    /// <summary>
    /// The submission it is about, as stored: for <see cref="SubmissionEventKind.Fixed"/>, the failed one; for
    /// <see cref="SubmissionEventKind.FtpFileFailed"/>, the fields the file shares with an API submission (BatchId,
    /// AccountId, dates, Type, Status, Uri), the whole file being <see cref="FtpFile"/>.
    /// </summary>
    public ApiSubmission Submission { get; }

    /// <summary>For <see cref="SubmissionEventKind.FtpFileFailed"/>: the FTP file, as stored (its counts, file name and errors URI); null for the other kinds.</summary>
    public FtpFileSubmission? FtpFile { get; }

    /// <summary>The BatchId of <see cref="Submission"/> (of the file, for <see cref="SubmissionEventKind.FtpFileFailed"/>).</summary>
    public string BatchId => Submission.BatchId!;

    /// <summary>When a pass found it.</summary>
    public DateTimeOffset DetectedAt { get; }

    /// <summary>For <see cref="SubmissionEventKind.Fixed"/>: the BatchId of the later submission that completed without errors.</summary>
    public string? FixedByBatchId { get; }

    /// <summary>The OrderId of <see cref="Submission"/>: its OrderId field, else the one in its Payload; null when neither has one.</summary>
    public string? OrderId => SubmissionSync.OrderIdOf(Submission);

    /// <summary>The error reasons of <see cref="Submission"/>, typed; empty when it has none.</summary>
    public IReadOnlyList<ErrorReason> ErrorReasons => Submission.ErrorReasons;

    /// <summary>The event's lasting name within its account, e.g. <c>failed:A-1</c>: the same change always has the same key.</summary>
    public string Key => KeyOf(Kind, BatchId);

    /// <summary>The key of an event of <paramref name="kind"/> about <paramref name="batchId"/>.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="batchId">The BatchId the event is about.</param>
    /// <returns>The key.</returns>
    public static string KeyOf(SubmissionEventKind kind, string batchId) => kind switch
    {
        SubmissionEventKind.Failed => "failed:",
        SubmissionEventKind.Completed => "completed:",
        SubmissionEventKind.FtpFileFailed => "ftp-failed:",
        _ => "fixed:",
    } + batchId;

    /// <inheritdoc />
    public override string ToString() => FtpFile is { } file
        ? $"{Kind} {BatchId} {file.FileName}: {file.TotalErrors?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} of {file.TotalRecords?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} records failed"
        : $"{Kind} {BatchId}" + (Kind == SubmissionEventKind.Fixed ? $" by {FixedByBatchId}" : string.Empty)
        + (Kind == SubmissionEventKind.Failed ? $" {Submission.ErrorType?.ToString() ?? "error"}: {Submission.ErrorReason}" : string.Empty);
}
