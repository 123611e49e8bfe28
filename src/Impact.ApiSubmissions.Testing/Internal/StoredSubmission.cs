using System;
using System.Threading;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>One submission the server holds, kept as the wire JSON it answers with.</summary>
internal abstract class StoredSubmission
{
    protected StoredSubmission(string batchId)
    {
        BatchId = batchId;
    }

    public string BatchId { get; }

    /// <summary>The JSON of the stage reached, for the mock's own look-ups. Reading it changes nothing.</summary>
    public abstract byte[] ListJson { get; }

    /// <summary>The JSON a get or a list page answers; a progressing submission moves on each time it is shown.</summary>
    public abstract byte[] Get();

    /// <summary>The submission as a client would read it now.</summary>
    public abstract ApiSubmission Current { get; }
}

/// <summary>A submission whose state never changes.</summary>
internal sealed class FixedSubmission : StoredSubmission
{
    private readonly byte[] _json;
    private ApiSubmission? _dto;

    public FixedSubmission(ApiSubmission submission)
        : base(submission.BatchId ?? string.Empty)
    {
        _json = WireJson.Submission(submission);
    }

    public override byte[] ListJson => _json;

    public override byte[] Get() => _json;

    // Read back from the wire JSON on first use only: a data set of 100,000 keeps no objects it is never asked for.
    public override ApiSubmission Current => LazyInitializer.EnsureInitialized(ref _dto, () => WireJson.ReadSubmission(_json));
}

/// <summary>
/// A submission that is shown (by a get, or on a list page) first as Queued, then as In Progress, and from then on in
/// its final state, as impact.com processes a conversion while it is being asked about.
/// </summary>
internal sealed class ProgressingSubmission : StoredSubmission
{
    private readonly FixedSubmission[] _pending;
    private readonly ApiSubmission _final;
    private readonly Func<DateTimeOffset>? _completedAt;
    private readonly int _getsPerStatus;
    private FixedSubmission? _completed;
    private int _gets;

    /// <param name="final">The submission once processed.</param>
    /// <param name="getsPerStatus">How many gets each of Queued and In Progress lasts.</param>
    /// <param name="completedAt">
    /// Null keeps <paramref name="final"/>'s CompletionDate; otherwise the clock that stamps it when the submission is
    /// first seen complete, so that a submission queued a moment ago never shows a completion date still to come.
    /// </param>
    public ProgressingSubmission(ApiSubmission final, int getsPerStatus, Func<DateTimeOffset>? completedAt = null)
        : base(final.BatchId ?? string.Empty)
    {
        _final = final;
        _completedAt = completedAt;
        _getsPerStatus = getsPerStatus;
        _pending = new[] { new FixedSubmission(Pending(final, SubmissionStatus.Queued)), new FixedSubmission(Pending(final, SubmissionStatus.InProgress)) };
        if (completedAt is null)
        {
            _completed = new FixedSubmission(final);
        }
    }

    // The same submission while impact.com still works on it: no completion date, no errors yet.
    private static ApiSubmission Pending(ApiSubmission final, SubmissionStatus status) => Copy(final, s =>
    {
        s.Status = status;
        s.CompletionDate = null;
        s.ErrorType = null;
        s.ErrorReason = null;
    });

    // A copy through the wire JSON carries every field, those the spec adds later included.
    private static ApiSubmission Copy(ApiSubmission submission, Action<ApiSubmission> change)
    {
        var copy = WireJson.ReadSubmission(WireJson.Submission(submission));
        change(copy);
        return copy;
    }

    /// <summary>The submission in its final state (its CompletionDate provisional until it is first seen complete).</summary>
    public ApiSubmission Final => Volatile.Read(ref _completed)?.Current ?? _final;

    public override byte[] ListJson => StageAfter(Volatile.Read(ref _gets)).ListJson;

    public override byte[] Get() => StageAfter(Interlocked.Increment(ref _gets)).Get();

    public override ApiSubmission Current => StageAfter(Volatile.Read(ref _gets)).Current;

    private FixedSubmission StageAfter(int gets)
    {
        var stage = gets <= 1 ? 0 : (gets - 1) / _getsPerStatus;
        return stage < _pending.Length
            ? _pending[stage]
            : LazyInitializer.EnsureInitialized(ref _completed, () => new FixedSubmission(CompletedNow()))!;
    }

    private ApiSubmission CompletedNow()
    {
        var at = _completedAt!();
        return Copy(_final, s => s.CompletionDate = s.SubmissionDate is { } submitted ? at.ToOffset(submitted.Offset) : at);
    }
}
