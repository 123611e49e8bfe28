using System;
using Impact.ApiSubmissions.Serialization;

namespace Impact.ApiSubmissions.Http;

/// <summary>
/// The one check every request passes before credentials are attached: the final absolute URI must have the
/// base address's scheme, host and port, no user info, and a path that is one of the spec's operation paths
/// (<see cref="ImpactRequests.PathTemplates"/>) for this account's SID. Links from the server are data, never a reason
/// to send credentials elsewhere.
/// </summary>
internal static class RequestGate
{
    /// <summary>Resolves a path or URL (ours or the server's) against the base address, then checks it.</summary>
    public static Uri Resolve(Uri baseAddress, string target, string accountSid) => Resolve(baseAddress, target, accountSid, operationPath: true);

    /// <summary>
    /// Resolves a caller's link and checks its origin and account only: the caller then reads it against one operation's
    /// path (a wrong path is the caller's mistake, not a refusal). What is sent still passes <see cref="Resolve(Uri, string, string)"/>.
    /// </summary>
    public static Uri ResolveInAccount(Uri baseAddress, string target, string accountSid) => Resolve(baseAddress, target, accountSid, operationPath: false);

    private static Uri Resolve(Uri baseAddress, string target, string accountSid, bool operationPath)
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

        var why = Problem(baseAddress, resolved, accountSid, operationPath);
        return why is null ? resolved : throw Refused(resolved.OriginalString, why);
    }

    // Why an absolute URI may not be sent to (or answer for) this client, or null when it may.
    private static string? Problem(Uri baseAddress, Uri uri, string accountSid, bool operationPath = true)
    {
        if (!string.Equals(uri.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.IdnHost, baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
            || uri.Port != baseAddress.Port
            || uri.UserInfo.Length > 0)
        {
            return $"it is not on the base address {baseAddress.GetLeftPart(UriPartial.Authority)}";
        }

        var relative = PathTemplate.Relative(baseAddress, uri);
        if (relative is null || ClimbsOut(uri.AbsolutePath) || !PathTemplate.InAccount(relative, accountSid))
        {
            return $"its path is outside this account's resources ({baseAddress.AbsolutePath.TrimEnd('/')}/{PathTemplate.AccountScope(accountSid)}/)";
        }

        // Only the spec's own paths: nothing else under the account gets credentials.
        return !operationPath || PathTemplate.IsOperation(relative, accountSid)
            ? null
            : $"its path is none of the API's operations for this account";
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
