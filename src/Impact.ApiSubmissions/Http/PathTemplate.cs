using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions.Http;

/// <summary>
/// Reads a request path back against one of the spec's path templates (generated in <c>ImpactRequests</c>), such as
/// <c>Advertisers/{AccountSID}/APISubmissions/{BatchId}</c>: the literal segments must be equal, each <c>{Name}</c>
/// takes exactly one segment. Used by the gate (where credentials may go) and to read a BatchId from a link.
/// </summary>
internal static class PathTemplate
{
    /// <summary>The name of the path parameter every operation of the spec is scoped by.</summary>
    public const string AccountParameter = "AccountSID";

    /// <summary>
    /// Matches <paramref name="path"/> (escaped, relative to the base address, without a query; a trailing '/' is
    /// ignored) against <paramref name="template"/>; returns each parameter's unescaped value by name, or null.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Match(string template, string path)
    {
        var expected = template.Split('/');
        var actual = path.TrimEnd('/').Split('/');
        if (expected.Length != actual.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < expected.Length; i++)
        {
            var part = expected[i];
            if (part.Length > 2 && part[0] == '{' && part[part.Length - 1] == '}')
            {
                var value = Uri.UnescapeDataString(actual[i]);
                if (value.Trim('.').Length == 0)
                {
                    return null;
                }

                values[part.Substring(1, part.Length - 2)] = value;
            }
            else if (!string.Equals(part, actual[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>The account's part of every operation's path (up to and including <c>{AccountSID}</c>), with the SID escaped, e.g. <c>Advertisers/IR123</c>.</summary>
    public static string AccountScope(string accountSid)
    {
        var template = ImpactRequests.PathTemplates[0];
        var end = template.IndexOf("{" + AccountParameter + "}", StringComparison.Ordinal) + AccountParameter.Length + 2;
        return template.Substring(0, end).Replace("{" + AccountParameter + "}", Uri.EscapeDataString(accountSid));
    }

    /// <summary>True when a relative path lies inside one of the account's scopes.</summary>
    public static bool InAccount(string relativePath, string accountSid)
    {
        foreach (var template in ImpactRequests.PathTemplates)
        {
            var end = template.IndexOf("{" + AccountParameter + "}", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            var scope = template.Substring(0, end) + Uri.EscapeDataString(accountSid) + "/";
            if (relativePath.StartsWith(scope, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a relative path is one of the spec's operation paths for this account.</summary>
    public static bool IsOperation(string relativePath, string accountSid)
    {
        foreach (var template in ImpactRequests.PathTemplates)
        {
            if (MatchAccount(template, relativePath, accountSid) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A template as users read it in a message: <c>/Advertisers/&lt;AccountSID&gt;/APISubmissions/&lt;BatchId&gt;</c>.</summary>
    public static string Shown(string template) => "/" + template.Replace('{', '<').Replace('}', '>');

    /// <summary>
    /// The path of <paramref name="uri"/> relative to <paramref name="baseAddress"/>'s path, or null when it lies
    /// outside it. <paramref name="uri"/> is already on the base address's origin.
    /// </summary>
    public static string? Relative(Uri baseAddress, Uri uri)
    {
        var root = baseAddress.AbsolutePath.TrimEnd('/') + "/";
        var path = uri.AbsolutePath;
        return path.StartsWith(root, StringComparison.Ordinal) ? path.Substring(root.Length) : null;
    }

    /// <summary>The values of <paramref name="uri"/>'s path under one template, when it is one of this account's; else null.</summary>
    public static IReadOnlyDictionary<string, string>? MatchOwn(Uri baseAddress, Uri uri, string template, string accountSid)
    {
        var relative = Relative(baseAddress, uri);
        return relative is null ? null : MatchAccount(template, relative, accountSid);
    }

    // The template's values for a relative path whose account is this one; else null.
    private static IReadOnlyDictionary<string, string>? MatchAccount(string template, string relativePath, string accountSid)
    {
        var values = Match(template, relativePath);
        return values is not null && values.TryGetValue(AccountParameter, out var account) && string.Equals(account, accountSid, StringComparison.Ordinal)
            ? values
            : null;
    }
}
