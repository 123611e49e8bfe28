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

    /// <summary>The JSON a list page shows now. Reading it changes nothing.</summary>
    public abstract byte[] ListJson { get; }

    /// <summary>The JSON a get answers; a progressing submission moves on with each get.</summary>
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
/// A submission that answers its first gets as Queued, the next as In Progress, and from then on in its
/// final state. List pages show the stage it has reached without moving it on.
/// </summary>
internal sealed class ProgressingSubmission : StoredSubmission
{
    private readonly FixedSubmission[] _stages;
    private readonly int _getsPerStatus;
    private int _gets;

    public ProgressingSubmission(ApiSubmission final, int getsPerStatus)
        : base(final.BatchId ?? string.Empty)
    {
        _getsPerStatus = getsPerStatus;
        var completed = new FixedSubmission(final);
        var inProgress = new FixedSubmission(Pending(final, SubmissionStatus.InProgress));
        var queued = new FixedSubmission(Pending(final, SubmissionStatus.Queued));
        _stages = new[] { queued, inProgress, completed };
    }

    // The same submission while impact.com still works on it: no completion date, no errors yet.
    private static ApiSubmission Pending(ApiSubmission final, SubmissionStatus status) =>
        ApiSubmissionsModelFactory.ApiSubmission(
            final.BatchId, final.AccountId, final.SubmissionDate, final.CampaignId, final.ActionTrackerId, final.MediaPartnerId,
            final.EventCode, final.OrderId, final.Payload, final.Type, status, completionDate: null, errorType: null, errorReason: null,
            uri: final.Uri, additionalFields: final.AdditionalFields);

    /// <summary>The submission in its final state.</summary>
    public ApiSubmission Final => _stages[_stages.Length - 1].Current;

    public override byte[] ListJson => StageAfter(Volatile.Read(ref _gets)).ListJson;

    public override byte[] Get() => StageAfter(Interlocked.Increment(ref _gets)).Get();

    public override ApiSubmission Current => StageAfter(Volatile.Read(ref _gets)).Current;

    private FixedSubmission StageAfter(int gets)
    {
        var stage = gets <= 1 ? 0 : (gets - 1) / _getsPerStatus;
        return _stages[stage < _stages.Length ? stage : _stages.Length - 1];
    }
}
