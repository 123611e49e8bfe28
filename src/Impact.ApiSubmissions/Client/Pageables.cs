using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Serialization;

namespace Impact.ApiSubmissions;

/// <summary>
/// What a record is for "each once" across pages: a submission or a file is its BatchId; a failed line of a file has no
/// id, so it is its line number with every wire field (those the spec does not name included), and a line without a
/// number has no key (always yielded). Any other type has no key.
/// </summary>
internal static class ListingKey<T>
{
    public static readonly Func<T, string?> Of = Create();

    private static Func<T, string?> Create()
    {
        if (typeof(T) == typeof(ApiSubmission))
        {
            return item => ((ApiSubmission)(object)item!).BatchId;
        }

        if (typeof(T) == typeof(FtpFileSubmission))
        {
            return item => ((FtpFileSubmission)(object)item!).BatchId;
        }

        if (typeof(T) == typeof(FtpErrorDetail))
        {
            return item => item is FtpErrorDetail { Line: { } number } line ? number.ToString(CultureInfo.InvariantCulture) + " " + ImpactJson.Serialize(line) : null;
        }

        return _ => null;
    }
}

/// <summary>What every pageable does the same way: records once across pages, and listings over pages already in memory.</summary>
internal static class Pageables
{
    // Records shift between two page reads: a key on the previous page is not yielded again, however far it
    // moved. Every key of a page is remembered (yielded or not), so a record on three pages in a row comes
    // out once. A record without a key is always yielded. Memory stays bounded by two pages of keys.
    public static async IAsyncEnumerable<TItem> Distinct<TItem>(IAsyncEnumerable<ImpactPage<TItem>> pages, Func<TItem, string?> keyOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        HashSet<string>? previous = null;
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in page.Items)
            {
                var key = keyOf(item);
                if (key is not null && (!current.Add(key) || previous?.Contains(key) == true))
                {
                    continue;
                }

                yield return item;
            }

            previous = current;
        }
    }

    /// <summary>The pages of a list in memory, from the start or after the page that carries <paramref name="token"/>.</summary>
    public static async IAsyncEnumerable<ImpactPage<TItem>> InMemory<TItem>(List<ImpactPage<TItem>> pages, string? token, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = token is null ? 0 : pages.FindIndex(p => p.ContinuationToken == token) + 1;
        if (start == 0 && token is not null)
        {
            throw new ArgumentException("No page of this listing carries that continuation token.", nameof(token));
        }

        for (var i = start; i < pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return pages[i];
        }
    }

    /// <summary>Checks a page size hint, as every <c>AsPages</c> does.</summary>
    public static void RequireHint(int? pageSizeHint)
    {
        if (pageSizeHint is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, "The page size hint must be at least 1.");
        }
    }
}
