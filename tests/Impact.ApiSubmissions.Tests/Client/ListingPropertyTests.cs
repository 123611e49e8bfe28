using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using CsCheck;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>
/// Listings over random page sequences: records that shift while listing, links that repeat or point back,
/// metadata that lies. Every listing ends; no BatchId comes out twice within two consecutive pages; a
/// well-formed listing loses no record.
/// </summary>
public class ListingPropertyTests
{
    private const int Iterations = 150;

    // A server that never stops would answer forever: past this many requests the listing has not ended.
    private const int RequestBudget = 200;

    /// <summary>Records are inserted at the front while listing (at most two pages' worth), so records shift onto later pages.</summary>
    [Fact]
    public void A_well_formed_listing_with_shifting_records_yields_every_record_exactly_once()
    {
        Gen.Select(Gen.Int[0, 40], Gen.Int[1, 8], Gen.Int[0, 7].Array[0, 20]).Sample(
            (count, pageSize, shifts) =>
            {
                var server = new ShiftingServer(count, pageSize, shifts);
                var yielded = ListAll(server.Handler(), new ApiSubmissionListOptions { PageSize = pageSize }).Items;

                yielded.Should().OnlyHaveUniqueItems();
                server.Original.Except(yielded).Should().BeEmpty("no record of a well-formed listing is lost");
            },
            iter: Iterations);
    }

    [Fact]
    public void A_well_formed_listing_fetched_ahead_yields_every_record_once_and_in_order()
    {
        Gen.Select(Gen.Int[0, 60], Gen.Int[1, 8], Gen.Int[2, 6]).Sample(
            (count, pageSize, concurrency) =>
            {
                var server = new ShiftingServer(count, pageSize, Array.Empty<int>());
                var yielded = ListAll(server.Handler(), new ApiSubmissionListOptions { PageSize = pageSize, MaxConcurrency = concurrency }).Items;

                yielded.Should().Equal(server.Original);
            },
            iter: Iterations);
    }

    /// <summary>One listing worked out by hand: the oracle is the comment, not a rule in code.</summary>
    [Fact]
    public void A_batch_id_repeated_on_its_page_or_on_the_next_is_yielded_once_and_again_after_a_page_without_it()
    {
        // Page 1:   -> A-1, A-2 (the second A-1 repeats on its page)
        // Page 2:        -> A-3 (A-2 was on page 1)
        // Page 3:        -> A-1 (not on page 2: a record that moved back), A-3 skipped (on page 2)
        // Page 4: A-3             -> nothing (on page 3)
        var pages = new[] { new[] { 1, 2, 1 }, new[] { 2, 3 }, new[] { 1, 3 }, new[] { 3 } };
        var handler = new ScriptedHandler((request, call) =>
        {
            var page = int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["Page"] ?? "1");
            var next = page < pages.Length ? $"/Advertisers/IRsid4567/APISubmissions?Page={page + 1}&PageSize=3" : string.Empty;
            return ScriptedHandler.Json("{\"@page\":\"" + page + "\",\"@numpages\":\"" + pages.Length + "\",\"@nextpageuri\":\"" + next + "\",\"APISubmissions\":["
                + string.Join(",", pages[page - 1].Select(i => TestClients.Submission("A-" + i))) + "]}");
        });

        var listed = ListAll(handler, new ApiSubmissionListOptions { PageSize = 3 });

        listed.Error.Should().BeNull();
        listed.Items.Should().Equal("A-1", "A-2", "A-3", "A-1");
    }

    /// <summary>Each distinct page URI gets one of a few random pages: links that repeat, point back, skip or go nowhere, with lying @page and @numpages.</summary>
    [Fact]
    public void A_hostile_listing_always_ends_and_never_yields_a_batch_id_twice_within_two_pages()
    {
        Gen.Select(HostilePage.Array[1, 8], Gen.Int[1, 4]).Sample(
            (pages, concurrency) =>
            {
                var options = new ApiSubmissionListOptions { PageSize = 5, MaxConcurrency = concurrency };
                var listedPages = ListPages(Hostile(pages), options);
                var listed = ListAll(Hostile(pages), options);

                listed.Error.Should().Match<Exception?>(e => e == null || e is ImpactApiException, "every failure belongs to the family");
                listedPages.Error?.GetType().Should().Be(listed.Error?.GetType());
                listed.Items.Should().Equal(Expected(listedPages.Pages));
            },
            iter: Iterations);
    }

    private static readonly Gen<string> HostileLink = Gen.Frequency(
        (3, Gen.Int[1, 12].Select(p => $"/Advertisers/IRsid4567/APISubmissions?Page={p}&PageSize=5")),
        (2, Gen.Select(Gen.Int[1, 12], Gen.Int[0, 999]).Select((p, x) => $"/Advertisers/IRsid4567/APISubmissions?Page={p}&PageSize=5&x={x}")),
        (1, Gen.Int[0, 999].Select(x => $"/Advertisers/IRsid4567/APISubmissions?x={x}")),
        (1, Gen.Const("/Advertisers/IRsid4567/APISubmissions?Page=1&PageSize=5")),
        (1, Gen.Const("https://elsewhere.example.com/Advertisers/IRsid4567/APISubmissions?Page=2")),
        (1, Gen.Const(string.Empty)));

    private static readonly Gen<string> HostilePage = Gen.Select(
            Gen.OneOf(Gen.Int[1, 12].Select(p => p.ToString()), Gen.Const(string.Empty)),
            Gen.Int[1, 10].Select(p => p.ToString()),
            HostileLink,
            Gen.Int[0, 9].Array[0, 5])
        .Select((page, numPages, next, ids) =>
            "{\"@page\":\"" + page + "\",\"@numpages\":\"" + numPages + "\",\"@nextpageuri\":\"" + next + "\",\"APISubmissions\":["
            + string.Join(",", ids.Select(i => TestClients.Submission("A-" + i))) + "]}");

    // The page a URI gets depends only on the URI, so two listings over the same pages see the same thing whatever the timing.
    private static ScriptedHandler Hostile(string[] pages) => new((request, call) =>
    {
        if (call > RequestBudget)
        {
            throw new InvalidOperationException("The listing did not end.");
        }

        var key = request.RequestUri!.PathAndQuery.Aggregate(17, (h, c) => unchecked(h * 31 + c));
        return ScriptedHandler.Json(pages[(int)((uint)key % (uint)pages.Length)]);
    });

    // What a listing must yield, from the contract's wording rather than the SDK's loop: each record of the pages in order,
    // unless the same BatchId already appeared earlier on its page or anywhere on the page before. Written as a search
    // back over the flat sequence, so it shares no structure (no rolling sets) with the code under test.
    private static List<string> Expected(IReadOnlyList<ImpactPage<ApiSubmission>> pages)
    {
        var flat = pages.SelectMany((page, index) => page.Items.Select(s => (Page: index, Id: s.BatchId!))).ToList();
        return flat
            .Where((record, i) => !flat.Take(i).Any(earlier => earlier.Id == record.Id && earlier.Page >= record.Page - 1))
            .Select(record => record.Id)
            .ToList();
    }

    private static (List<string> Items, Exception? Error) ListAll(ScriptedHandler handler, ApiSubmissionListOptions options)
    {
        using var client = TestClients.Create(handler, TestClients.FastOptions(maxRetries: 0));
        var items = new List<string>();
        var error = Run(async () =>
        {
            await foreach (var s in client.GetApiSubmissionsAsync(options))
            {
                items.Add(s.BatchId!);
            }
        });
        return (items, error);
    }

    private static (List<ImpactPage<ApiSubmission>> Pages, Exception? Error) ListPages(ScriptedHandler handler, ApiSubmissionListOptions options)
    {
        using var client = TestClients.Create(handler, TestClients.FastOptions(maxRetries: 0));
        var pages = new List<ImpactPage<ApiSubmission>>();
        var error = Run(async () =>
        {
            await foreach (var page in client.GetApiSubmissionsAsync(options).AsPages())
            {
                pages.Add(page);
            }
        });
        return (pages, error);
    }

    private static Exception? Run(Func<Task> listing)
    {
        try
        {
            listing().GetAwaiter().GetResult();
            return null;
        }
        catch (InvalidOperationException e) when (e.Message == "The listing did not end.")
        {
            throw;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>A truthful server whose list grows at the front while it is read: before request k, shifts[k] new records arrive.</summary>
    private sealed class ShiftingServer
    {
        private readonly int _pageSize;
        private readonly int[] _shifts;
        private readonly List<string> _ids;

        public ShiftingServer(int count, int pageSize, int[] shifts)
        {
            _pageSize = pageSize;
            _ids = Enumerable.Range(1, count).Select(i => $"A-{i:D4}").ToList();
            Original = _ids.ToList();

            // At most two pages' worth of new records: the listing grows by at most two pages, which is no runaway.
            var budget = 2 * pageSize;
            _shifts = shifts.Select(s => { var take = Math.Min(Math.Min(s, pageSize - 1), budget); budget -= take; return take; }).ToArray();
        }

        public IReadOnlyList<string> Original { get; }

        public ScriptedHandler Handler() => new((request, call) =>
        {
            if (call > RequestBudget)
            {
                throw new InvalidOperationException("The listing did not end.");
            }

            lock (_ids)
            {
                var shift = call - 1 < _shifts.Length ? _shifts[call - 1] : 0;
                _ids.InsertRange(0, Enumerable.Range(0, shift).Select(j => $"N-{call}-{j}"));
                var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
                var page = int.Parse(query["Page"] ?? "1");
                var pages = Math.Max(1, (_ids.Count + _pageSize - 1) / _pageSize);
                var next = page < pages ? $"/Advertisers/IRsid4567/APISubmissions?Page={page + 1}&PageSize={_pageSize}" : string.Empty;
                var items = _ids.Skip((page - 1) * _pageSize).Take(_pageSize).Select(id => TestClients.Submission(id));
                return ScriptedHandler.Json("{\"@page\":\"" + page + "\",\"@numpages\":\"" + pages + "\",\"@nextpageuri\":\"" + next + "\",\"APISubmissions\":[" + string.Join(",", items) + "]}");
            }
        });
    }
}
