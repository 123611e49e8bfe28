using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// The server's FTP file submissions in list order: the seeded ones (oldest first), then those a test added.
/// Readers take the current array and never lock; writers copy it.
/// </summary>
internal sealed class FtpFileStore
{
    private readonly object _writeGate = new();
    private readonly FtpStoredFile[] _seeded;
    private readonly Dictionary<string, FtpStoredFile> _seededById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FtpStoredFile> _addedById = new(StringComparer.Ordinal);
    private FtpStoredFile[] _all;

    public FtpFileStore(IEnumerable<FtpStoredFile> seeded)
    {
        var list = new List<FtpStoredFile>(seeded);
        _seeded = list.ToArray();
        foreach (var file in _seeded)
        {
            _seededById.Add(file.BatchId, file);
        }

        _all = _seeded;
    }

    public IReadOnlyList<FtpStoredFile> All => Volatile.Read(ref _all);

    public bool TryFind(string batchId, out FtpStoredFile file) => _seededById.TryGetValue(batchId, out file!) || _addedById.TryGetValue(batchId, out file!);

    public void Add(FtpStoredFile file)
    {
        lock (_writeGate)
        {
            if (_seededById.ContainsKey(file.BatchId) || !_addedById.TryAdd(file.BatchId, file))
            {
                throw new ArgumentException($"The server already holds an FTP file submission with BatchId '{file.BatchId}'.", nameof(file));
            }

            var current = _all;
            var next = new FtpStoredFile[current.Length + 1];
            Array.Copy(current, next, current.Length);
            next[current.Length] = file;
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
