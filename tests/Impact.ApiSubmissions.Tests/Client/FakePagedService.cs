using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Web;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>Answers list requests from an in-memory list of BatchIds, with impact.com's @ metadata as strings.</summary>
internal sealed class FakePagedService
{
    private readonly Func<int, IReadOnlyList<string>> _ids;

    public FakePagedService(int total, Func<int, IReadOnlyList<string>>? idsForCall = null)
    {
        var all = Enumerable.Range(1, total).Select(i => $"A-{i:D5}").ToList();
        _ids = idsForCall ?? (_ => all);
    }

    public TimeSpan Latency { get; init; }

    public int InFlight;
    public int MaxInFlight;
    public int Cancelled;

    public ScriptedHandler Handler() => new(async (request, call, token) =>
    {
        var now = Interlocked.Increment(ref InFlight);
        InterlockedMax(ref MaxInFlight, now);
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, token);
            }

            return ScriptedHandler.Json(Page(request.RequestUri!, _ids(call)));
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref Cancelled);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref InFlight);
        }
    });

    private static string Page(Uri uri, IReadOnlyList<string> ids)
    {
        var query = HttpUtility.ParseQueryString(uri.Query);
        var page = int.Parse(query["Page"] ?? "1");
        var size = int.Parse(query["PageSize"] ?? "1000");
        var pages = Math.Max(1, (ids.Count + size - 1) / size);
        var items = ids.Skip((page - 1) * size).Take(size);
        string Link(int p) => p < 1 || p > pages ? string.Empty : $"{uri.AbsolutePath}?Page={p}&PageSize={size}";
        var body = new StringBuilder();
        body.Append("{\"@page\":\"").Append(page).Append("\",\"@numpages\":\"").Append(pages)
            .Append("\",\"@pagesize\":\"").Append(size).Append("\",\"@total\":\"").Append(ids.Count)
            .Append("\",\"@nextpageuri\":\"").Append(Link(page + 1)).Append("\",\"@previouspageuri\":\"").Append(Link(page - 1))
            .Append("\",\"APISubmissions\":[")
            .Append(string.Join(",", items.Select(id => TestClients.Submission(id))))
            .Append("]}");
        return body.ToString();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
