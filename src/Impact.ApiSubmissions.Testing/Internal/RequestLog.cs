using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>Counts every request and keeps the most recent ones, so a long benchmark cannot fill memory.</summary>
internal sealed class RequestLog
{
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<ReceivedRequest> _recent = new();
    private int _count;
    private int _kept;

    public int Count => Volatile.Read(ref _count);

    public int Next() => Interlocked.Increment(ref _count);

    public void Keep(ReceivedRequest request)
    {
        _recent.Enqueue(request);
        if (Interlocked.Increment(ref _kept) > Capacity && _recent.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _kept);
        }
    }

    public IReadOnlyList<ReceivedRequest> Snapshot() => _recent.ToArray();

    public void Clear()
    {
        while (_recent.TryDequeue(out _))
        {
        }

        Volatile.Write(ref _kept, 0);
        Volatile.Write(ref _count, 0);
    }
}
