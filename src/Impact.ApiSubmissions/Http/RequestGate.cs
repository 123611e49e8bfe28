using System;
using Impact.ApiSubmissions.Serialization;

namespace Impact.ApiSubmissions.Http;

/// <summary>
/// The one check every request passes before credentials are attached: the final absolute URI must have the
/// base address's scheme, host and port, no user info, and a path inside the account's own resources
/// (<c>{base path}Advertisers/{AccountSID}/</c>). Links from the server are data, never a reason to send
/// credentials elsewhere.
/// </summary>
internal static class RequestGate
{
    /// <summary>Resolves a path or URL (ours or the server's) against the base address, then checks it.</summary>
    public static Uri Resolve(Uri baseAddress, string target, string accountSid)
    {
        // Relative first: on Linux an absolute parse reads "/x" or "//host/x" as a file path.
        Uri resolved;
        try
        {
            resolved = Uri.TryCreate(target, UriKind.Relative, out var relative)
                ? new Uri(baseAddress, relative)
                : new Uri(target, UriKind.Absolute);
        }
        catch (UriFormatException)
        {
            throw Refused(target, "it is not a valid address");
        }

        return Check(baseAddress, resolved, accountSid);
    }

    /// <summary>Checks a final request URI; returns it when allowed.</summary>
    public static Uri Check(Uri baseAddress, Uri? uri, string accountSid)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return uri is null ? throw Refused(string.Empty, "it is empty") : Resolve(baseAddress, uri.OriginalString, accountSid);
        }

        var why = Problem(baseAddress, uri, accountSid);
        return why is null ? uri : throw Refused(uri.OriginalString, why);
    }

    // Why an absolute URI may not be sent to (or answer for) this client, or null when it may.
    private static string? Problem(Uri baseAddress, Uri uri, string accountSid)
    {
        if (!string.Equals(uri.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.IdnHost, baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
            || uri.Port != baseAddress.Port
            || uri.UserInfo.Length > 0)
        {
            return $"it is not on the base address {baseAddress.GetLeftPart(UriPartial.Authority)}";
        }

        var prefix = baseAddress.AbsolutePath.TrimEnd('/') + "/" + RequestPaths.Account(accountSid) + "/";
        var path = uri.AbsolutePath;
        return !path.StartsWith(prefix, StringComparison.Ordinal) || ClimbsOut(path)
            ? $"its path is outside this account's resources ({prefix})"
            : null;
    }

    /// <summary>
    /// Checks where an answer came from: an <see cref="System.Net.Http.HttpClient"/> that follows redirects by itself
    /// reports the last address it asked in the response's request. That address must pass the same gate as the request.
    /// </summary>
    public static void CheckAnswer(Uri baseAddress, Uri requested, Uri? answeredFrom, string accountSid, string method)
    {
        if (answeredFrom is null || string.Equals(answeredFrom.AbsoluteUri, requested.AbsoluteUri, StringComparison.Ordinal))
        {
            return;
        }

        var why = answeredFrom.IsAbsoluteUri ? Problem(baseAddress, answeredFrom, accountSid) : "it is not an absolute address";
        if (why is null)
        {
            return;
        }

        var sent = method == "POST"
            ? " The conversion's form may have reached that address: the HttpClient followed a redirect there with the body."
            : string.Empty;
        var shown = WireText.Bound(answeredFrom.OriginalString, 200);
        throw new ImpactOriginRefusedException(
            $"The answer to {method} {requested.AbsolutePath} came from '{shown}' after a redirect and was refused because {why}.{sent} "
            + "Turn off automatic redirects on the HttpClient you give the client (AllowAutoRedirect = false).",
            shown);
    }

    // System.Uri removes plain dot segments, but a server could still send escaped ones (even escaped twice)
    // that a proxy decodes later: no segment may decode to a dot segment, however often it is decoded.
    private static bool ClimbsOut(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            var plain = segment;
            for (var decoded = Uri.UnescapeDataString(plain); decoded != plain; decoded = Uri.UnescapeDataString(plain))
            {
                plain = decoded;
            }

            if (plain.Trim() is "." or "..")
            {
                return true;
            }
        }

        return false;
    }

    private static ImpactOriginRefusedException Refused(string target, string why)
    {
        var shown = WireText.Bound(target, 200);
        return new ImpactOriginRefusedException(
            $"The request to '{shown}' was refused because {why}: the client sends its credentials only to its own base address and account.",
            shown);
    }
}
