using System;
using System.Collections.Generic;
using System.Globalization;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// impact.com's paging, shared by every list the mock serves: <c>Page</c> and <c>PageSize</c> read from the
/// query (400 when not a number in range), and a page written with its <c>@</c> metadata as strings.
/// </summary>
internal static class ListPages
{
    public const int DefaultPageSize = 1000;

    /// <summary>Reads Page and PageSize; a value that is not a number in range gives impact.com's 400.</summary>
    public static bool TryRead(IReadOnlyDictionary<string, string> parameters, out int page, out int pageSize, out MockResponse? error)
    {
        pageSize = DefaultPageSize;
        return TryReadInt(parameters, "Page", 1, int.MaxValue, 1, out page, out error)
            && TryReadInt(parameters, "PageSize", 1, int.MaxValue, DefaultPageSize, out pageSize, out error);
    }

    /// <summary>
    /// One page of a list of <paramref name="total"/> records. The page URIs are <paramref name="path"/> with
    /// Page, PageSize and then <paramref name="filters"/> (already escaped, each starting with '&amp;'), so
    /// following <c>@nextpageuri</c> keeps the filters.
    /// </summary>
    public static byte[] Write(string path, string filters, int page, int pageSize, int total, Func<int, byte[]> recordAt, string arrayName)
    {
        var pages = Math.Max(1, (int)((total + (long)pageSize - 1) / pageSize));
        var start = (page - 1L) * pageSize;
        var count = (int)Math.Clamp(total - start, 0, pageSize);
        var items = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            items[i] = recordAt((int)start + i);
        }

        string PageUri(long number) => $"{path}?Page={Text(number)}&PageSize={Text(pageSize)}{filters}";

        var metadata = new[]
        {
            Meta("@page", Text(page)),
            Meta("@numpages", Text(pages)),
            Meta("@pagesize", Text(pageSize)),
            Meta("@total", Text(total)),
            Meta("@start", Text(start)),
            Meta("@end", Text(count > 0 ? start + count - 1 : start)),
            Meta("@uri", PageUri(page)),
            Meta("@firstpageuri", PageUri(1)),
            Meta("@previouspageuri", page > 1 ? PageUri(page - 1L) : string.Empty),
            Meta("@nextpageuri", page < pages ? PageUri(page + 1L) : string.Empty),
            Meta("@lastpageuri", PageUri(pages)),
        };

        return WireJson.Page(metadata, items, arrayName);
    }

    public static IReadOnlyDictionary<string, string> ParseQuery(string query)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
            var value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1));
            parameters.TryAdd(name, value);
        }

        return parameters;

        static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }

    private static bool TryReadInt(
        IReadOnlyDictionary<string, string> parameters, string name, int min, int max, int fallback, out int value, out MockResponse? error)
    {
        error = null;
        value = fallback;
        if (!parameters.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = new MockResponse(400, ErrorBodies.InvalidField(name, "Not a numeric value"));
            return false;
        }

        if (value < min || value > max)
        {
            error = new MockResponse(400, ErrorBodies.InvalidField(name, $"Must be between {Text(min)} and {Text(max)}"));
            return false;
        }

        return true;
    }

    private static KeyValuePair<string, string> Meta(string name, string value) => new(name, value);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
