using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// Answers <c>/Advertisers/{AccountSID}/FTPFileSubmissions[/{BatchId}[/ErrorDetails]]</c> once
/// <see cref="MockResponder"/> has checked credentials, account and method: the list with its date filters
/// applied here, on the server, one file, and a file's failed lines, both lists paged like every impact.com list.
/// </summary>
internal sealed class FtpResponder
{
    private const string Collection = "FTPFileSubmissions";
    private const string Errors = "ErrorDetails";

    // The filters, in the order the page URIs repeat them.
    private static readonly string[] DateFilters = { "SubmissionDateStart", "SubmissionDateEnd", "CompletedDateStart", "CompletedDateEnd" };

    // ISO 8601 with a UTC offset: an instant without one would be a guess about the account's time zone.
    private static readonly Regex Instant = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    private readonly FtpFileStore _store;
    private readonly string _accountSid;

    public FtpResponder(FtpFileStore store, string accountSid)
    {
        _store = store;
        _accountSid = accountSid;
    }

    /// <summary>Whether the unescaped path segments name one of the FTP operations.</summary>
    public static bool Matches(IReadOnlyList<string> segments) =>
        segments.Count is >= 3 and <= 5
        && segments[0].Equals("Advertisers", StringComparison.OrdinalIgnoreCase)
        && segments[2].Equals(Collection, StringComparison.OrdinalIgnoreCase)
        && (segments.Count < 5 || segments[4].Equals(Errors, StringComparison.OrdinalIgnoreCase));

    public MockResponse Answer(IReadOnlyList<string> segments, string query)
    {
        if (segments.Count == 3)
        {
            return List(ListPages.ParseQuery(query));
        }

        if (!_store.TryFind(segments[3], out var file))
        {
            return new MockResponse(404, ErrorBodies.For(404));
        }

        return segments.Count == 4 ? new MockResponse(200, file.Get()) : ErrorDetails(file, ListPages.ParseQuery(query));
    }

    private MockResponse List(IReadOnlyDictionary<string, string> parameters)
    {
        if (!ListPages.TryRead(parameters, out var page, out var pageSize, out var error))
        {
            return error!;
        }

        var bounds = new DateTimeOffset?[DateFilters.Length];
        var filters = new StringBuilder();
        for (var i = 0; i < DateFilters.Length; i++)
        {
            if (!parameters.TryGetValue(DateFilters[i], out var text))
            {
                continue;
            }

            // A '+' sent unescaped reads as a space in a query: the offset "+02:00" is the only place one can be.
            text = text.Replace(' ', '+');
            if (!Instant.IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return new MockResponse(400, ErrorBodies.InvalidField(DateFilters[i], "Not an ISO 8601 date-time with a UTC offset"));
            }

            bounds[i] = instant;
            filters.Append('&').Append(DateFilters[i]).Append('=').Append(Uri.EscapeDataString(text));
        }

        // Filtered on the stage reached; a file a page shows then moves on, as a get of it does.
        var matching = _store.All.Where(file => Within(file.Now.Current, bounds)).ToList();
        var path = $"/Advertisers/{Uri.EscapeDataString(_accountSid)}/{Collection}";
        return new MockResponse(200, ListPages.Write(path, filters.ToString(), page, pageSize, matching.Count, i => matching[i].Get(), FtpRecords.FileArray));
    }

    // Starts include the instant, ends exclude it; a completion filter leaves out files not yet complete.
    private static bool Within(FtpFileSubmission file, DateTimeOffset?[] bounds)
    {
        static bool In(DateTimeOffset? value, DateTimeOffset? start, DateTimeOffset? end) =>
            (start is null && end is null) || (value is { } v && (start is null || v >= start) && (end is null || v < end));

        return In(file.SubmissionDate, bounds[0], bounds[1]) && In(file.CompletionDate, bounds[2], bounds[3]);
    }

    private MockResponse ErrorDetails(FtpStoredFile file, IReadOnlyDictionary<string, string> parameters)
    {
        if (!ListPages.TryRead(parameters, out var page, out var pageSize, out var error))
        {
            return error!;
        }

        var lines = file.Now.ErrorLines;
        var path = FtpRecords.ErrorsUri(_accountSid, file.BatchId);
        return new MockResponse(200, ListPages.Write(path, string.Empty, page, pageSize, lines.Count, i => lines[i], FtpRecords.ErrorArray));
    }
}
