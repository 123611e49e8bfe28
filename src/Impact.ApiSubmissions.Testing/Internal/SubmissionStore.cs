using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// The server's submissions in list order. The seeded data set never changes; submissions a test adds
/// go after it. Readers take the current array and never lock; writers copy it.
/// </summary>
internal sealed class SubmissionStore
{
    private readonly object _writeGate = new();
    private readonly StoredSubmission[] _seeded;
    private readonly Dictionary<string, StoredSubmission> _seededById;
    private readonly ConcurrentDictionary<string, StoredSubmission> _addedById = new(StringComparer.Ordinal);
    private StoredSubmission[] _all;

    public SubmissionStore(IEnumerable<ApiSubmission> seeded)
    {
        var list = new List<StoredSubmission>();
        _seededById = new Dictionary<string, StoredSubmission>(StringComparer.Ordinal);
        foreach (var submission in seeded)
        {
            var stored = new FixedSubmission(submission);
            list.Add(stored);
            _seededById.Add(stored.BatchId, stored);
        }

        _seeded = list.ToArray();
        _all = _seeded;
    }

    public IReadOnlyList<StoredSubmission> All => Volatile.Read(ref _all);

    public bool TryFind(string batchId, out StoredSubmission submission) =>
        _seededById.TryGetValue(batchId, out submission!) || _addedById.TryGetValue(batchId, out submission!);

    public void Add(StoredSubmission submission)
    {
        lock (_writeGate)
        {
            if (_seededById.ContainsKey(submission.BatchId) || !_addedById.TryAdd(submission.BatchId, submission))
            {
                throw new ArgumentException($"The server already holds a submission with BatchId '{submission.BatchId}'.", nameof(submission));
            }

            var current = _all;
            var next = new StoredSubmission[current.Length + 1];
            Array.Copy(current, next, current.Length);
            next[current.Length] = submission;
            Volatile.Write(ref _all, next);
        }
    }

    public void Reset()
    {
        lock (_writeGate)
        {
            Volatile.Write(ref _all, _seeded);
            _addedById.Clear();
        }
    }
}
