using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// Records the server holds, in list order, each found by its BatchId: the seeded data set never changes, and
/// records a test adds go after it. Readers take the current array and never lock; writers copy it.
/// </summary>
internal abstract class RecordStore<T>
    where T : class
{
    private readonly object _writeGate = new();
    private readonly Func<T, string> _batchId;
    private readonly string _what;
    private readonly T[] _seeded;
    private readonly Dictionary<string, T> _seededById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, T> _addedById = new(StringComparer.Ordinal);
    private T[] _all;

    /// <param name="seeded">The data set, in list order.</param>
    /// <param name="batchId">A record's BatchId.</param>
    /// <param name="what">What a record is, for the message when a BatchId is taken (e.g. "a submission").</param>
    protected RecordStore(IEnumerable<T> seeded, Func<T, string> batchId, string what)
    {
        _batchId = batchId;
        _what = what;
        _seeded = new List<T>(seeded).ToArray();
        foreach (var record in _seeded)
        {
            _seededById.Add(batchId(record), record);
        }

        _all = _seeded;
    }

    public IReadOnlyList<T> All => Volatile.Read(ref _all);

    public bool TryFind(string batchId, out T record) =>
        _seededById.TryGetValue(batchId, out record!) || _addedById.TryGetValue(batchId, out record!);

    public void Add(T record)
    {
        var batchId = _batchId(record);
        lock (_writeGate)
        {
            if (_seededById.ContainsKey(batchId) || !_addedById.TryAdd(batchId, record))
            {
                throw new ArgumentException($"The server already holds {_what} with BatchId '{batchId}'.", nameof(record));
            }

            var current = _all;
            var next = new T[current.Length + 1];
            Array.Copy(current, next, current.Length);
            next[current.Length] = record;
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
