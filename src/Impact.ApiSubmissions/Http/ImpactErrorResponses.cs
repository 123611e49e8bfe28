using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Http;

/// <summary>Turns a non-success answer (JSON, XML, HTML or empty) into one <see cref="ImpactApiException"/> that says what to do.</summary>
internal static class ImpactErrorResponses
{
    /// <summary>How much of an error body is kept: enough for any envelope, never a whole page.</summary>
    internal const int MaxBodyChars = 4096;

    /// <summary>The exception for a non-success answer; <paramref name="redact"/> removes the token from everything the server sent.</summary>
    public static async Task<ImpactApiException> CreateAsync(HttpResponseMessage response, RateLimitState? rateLimit, string? batchId, Func<string, string> redact, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = redact(await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false));
        var error = TryParseEnvelope(body);
        var message = redact(Describe(status, response.ReasonPhrase, error, rateLimit, batchId, Kind(response, body)));
        return new ImpactApiException(status, message, body, Headers(response, redact), error, rateLimit, null);
    }

    public static ImpactApiException NotJson(HttpResponseMessage response, string mediaType, string snippet, Func<string, string> redact) =>
        new(
            (int)response.StatusCode,
            redact($"impact.com answered {(int)response.StatusCode} with {mediaType} instead of JSON{(mediaType.Contains("html") ? " (an HTML page, likely from a proxy or gateway)" : string.Empty)}. "
            + "The SDK sends Accept: application/json; if this persists, check the base address."),
            redact(snippet),
            Headers(response, redact),
            null,
            null,
            null);

    public static IReadOnlyDictionary<string, IEnumerable<string>> Headers(HttpResponseMessage response, Func<string, string> redact)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value.Select(redact).ToArray();
        }

        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers)
            {
                headers[header.Key] = header.Value.Select(redact).ToArray();
            }
        }

        return headers;
    }

    /// <summary>Reads at most <paramref name="maxChars"/> of a body, each read bounded by the token so a trickling body cannot hold the call.</summary>
    public static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken, int maxChars = MaxBodyChars)
    {
        if (response.Content is null)
        {
            return string.Empty;
        }

        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[maxChars];
            var read = 0;
            while (read < maxChars)
            {
                var n = await stream.ReadAsync(buffer, read, maxChars - read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read);
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The body of an error is a courtesy: a broken one must not hide the status.
            return string.Empty;
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            return string.Empty;
        }
    }

    internal static ImpactError? TryParseEnvelope(string body)
    {
        var text = body.TrimStart();
        if (text.StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                return ImpactJson.Deserialize<ImpactError>(text);
            }
            catch (ImpactWireFormatException)
            {
                return null;
            }
        }

        if (text.StartsWith("<", StringComparison.Ordinal) && text.IndexOf("<html", StringComparison.OrdinalIgnoreCase) < 0)
        {
            try
            {
                var root = XDocument.Parse(text).Root;
                var message = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
                if (message is null)
                {
                    return null;
                }

                return new ImpactError
                {
                    Status = root!.Descendants().FirstOrDefault(e => e.Name.LocalName == "Status")?.Value,
                    Message = message,
                };
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }

        return null;
    }

    private static string Kind(HttpResponseMessage response, string body)
    {
        var text = body.TrimStart();
        if (text.Length == 0)
        {
            return "an empty body";
        }

        var media = response.Content?.Headers.ContentType?.MediaType ?? string.Empty;
        if (media.Contains("html") || text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return "an HTML page, likely from a proxy or gateway";
        }

        return string.Empty;
    }

    internal static string Describe(int status, string? reason, ImpactError? error, RateLimitState? rateLimit, string? batchId, string bodyKind)
    {
        var advice = status switch
        {
            400 => "impact.com rejected the request as malformed (400).",
            401 => "impact.com refused the credentials (401): check the Account SID and Auth Token, and that the base address uses https.",
            402 => "impact.com understood the request but could not complete it (402).",
            403 => "impact.com refused access (403): the Auth Token's scope does not allow API Submissions, or the token is disabled. Use a token whose scope includes API Submissions.",
            404 when batchId is not null => $"impact.com has no submission with BatchId '{WireText.Bound(batchId)}' (404): the BatchId is unknown, or older than the 90-day retention.",
            404 => "impact.com found nothing at this address (404): check the Account SID.",
            405 => "impact.com does not allow this method here (405).",
            429 => "impact.com's rate limit is used up (429): " + (rateLimit?.SuggestedDelay is { } wait
                ? $"the window resets in {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s"
                : "wait before retrying") + (rateLimit?.Limit is { } limit ? $" (limit {limit.ToString(CultureInfo.InvariantCulture)} requests per window)." : "."),
            >= 500 and <= 599 => $"impact.com failed to answer ({status.ToString(CultureInfo.InvariantCulture)} {reason}): a problem on the service's side; try again later.",
            _ => $"impact.com answered {status.ToString(CultureInfo.InvariantCulture)} {reason}.",
        };

        var builder = new StringBuilder(advice);
        if (!string.IsNullOrWhiteSpace(error?.Message))
        {
            builder.Append(" The service said: \"").Append(WireText.Bound(error!.Message, 200)).Append('"');
            if (error.Errors is { Count: > 0 } fields)
            {
                builder.Append(" (")
                    .Append(string.Join("; ", fields.Take(5).Select(f => $"{WireText.Bound(f.Field, 60)}: {WireText.Bound(f.Message, 120)}")))
                    .Append(fields.Count > 5 ? "; ..." : string.Empty)
                    .Append(')');
            }

            builder.Append('.');
        }
        else if (error?.Errors is { Count: > 0 } listed)
        {
            // A rejected conversion's envelope has no Message, only its problems: name every one.
            builder.Append(" The service listed ").Append(listed.Count.ToString(CultureInfo.InvariantCulture))
                .Append(listed.Count == 1 ? " problem: " : " problems: ")
                .Append(string.Join("; ", listed.Select(f => $"{WireText.Bound(f.Field, 60)}: {WireText.Bound(f.Message, 160)}")))
                .Append('.');
        }
        else if (bodyKind.Length > 0)
        {
            builder.Append(" The body was ").Append(bodyKind).Append('.');
        }

        return builder.ToString();
    }
}
