using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>One stage of an FTP file submission: the file as the wire shows it, and its failed lines.</summary>
internal sealed class FtpFileStage
{
    private readonly Lazy<IReadOnlyList<byte[]>> _errorLines;

    public FtpFileStage(FtpFileSubmission file, Func<IReadOnlyList<FtpErrorDetail>> errorLines)
    {
        Json = FtpRecords.Write(file);
        Current = FtpRecords.File.Read(Json);

        // Written on first request only: a data set of many files keeps no lines nobody asks for.
        _errorLines = new(() => errorLines().Select(FtpRecords.Write).ToArray(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public byte[] Json { get; }

    /// <summary>The file as a client reads it; the date filters compare its dates.</summary>
    public FtpFileSubmission Current { get; }

    public IReadOnlyList<byte[]> ErrorLines => _errorLines.Value;
}

/// <summary>
/// An FTP file submission the server holds. A settled one has one stage; a progressing one is shown (by a get, or on
/// a list page) first as Queued, then as In Progress, then in its final state, as <see cref="ProgressingSubmission"/>
/// is. Error details show the stage reached without moving it on.
/// </summary>
internal sealed class FtpStoredFile
{
    private readonly FtpFileStage[] _stages;
    private readonly int _getsPerStatus;
    private int _gets;

    private FtpStoredFile(FtpFileStage[] stages, int getsPerStatus)
    {
        _stages = stages;
        _getsPerStatus = getsPerStatus;
        BatchId = stages[stages.Length - 1].Current.BatchId ?? string.Empty;
    }

    public string BatchId { get; }

    public FtpFileStage Now => StageAfter(Volatile.Read(ref _gets));

    public FtpFileSubmission Final => _stages[_stages.Length - 1].Current;

    public static FtpStoredFile Settled(FtpFileSubmission file, Func<IReadOnlyList<FtpErrorDetail>> errorLines) =>
        new(new[] { new FtpFileStage(file, errorLines) }, 1);

    /// <summary>
    /// Queued (nothing read yet: no records, no errors), In Progress (records counted, errors not yet), then
    /// <paramref name="final"/>: at every stage TotalErrors equals the failed lines served.
    /// </summary>
    public static FtpStoredFile Progressing(FtpFileSubmission final, IReadOnlyList<FtpErrorDetail> errorLines, int getsPerStatus)
    {
        var completed = new FtpFileStage(final, () => errorLines);
        var copy = FtpRecords.File.Read(completed.Json);
        copy.Status = SubmissionStatus.InProgress;
        copy.TotalErrors = 0;
        copy.CompletionDate = null;
        var inProgress = new FtpFileStage(copy, Array.Empty<FtpErrorDetail>);
        copy.Status = SubmissionStatus.Queued;
        copy.TotalRecords = 0;
        var queued = new FtpFileStage(copy, Array.Empty<FtpErrorDetail>);
        return new FtpStoredFile(new[] { queued, inProgress, completed }, getsPerStatus);
    }

    /// <summary>The JSON a get or a list page answers; a progressing file moves on each time it is shown.</summary>
    public byte[] Get() => StageAfter(Interlocked.Increment(ref _gets)).Json;

    private FtpFileStage StageAfter(int gets)
    {
        var stage = gets <= 1 ? 0 : (gets - 1) / _getsPerStatus;
        return _stages[Math.Min(stage, _stages.Length - 1)];
    }
}
