using System;
using System.Net.Http.Headers;
using System.Text;

namespace Impact.ApiSubmissions;

/// <summary>
/// An impact.com Account SID and Auth Token, sent as HTTP Basic on every request.
/// The token never appears in <see cref="ToString"/>, exception messages or logs.
/// </summary>
public sealed class ImpactCredentials
{
    private readonly string _authToken;

    /// <summary>Creates credentials.</summary>
    /// <param name="accountSid">The brand account's SID (the Basic user name, and the <c>AccountSID</c> in every path).</param>
    /// <param name="authToken">The account's Auth Token (the Basic password).</param>
    /// <exception cref="ArgumentException">Either value is null, empty or blank.</exception>
    public ImpactCredentials(string accountSid, string authToken)
    {
        if (string.IsNullOrWhiteSpace(accountSid))
        {
            throw new ArgumentException("The Account SID is required: find it under Settings > API in impact.com.", nameof(accountSid));
        }

        if (string.IsNullOrWhiteSpace(authToken))
        {
            throw new ArgumentException("The Auth Token is required: find it under Settings > API in impact.com.", nameof(authToken));
        }

        AccountSid = accountSid.Trim();
        _authToken = authToken.Trim();
    }

    /// <summary>The brand account's SID.</summary>
    public string AccountSid { get; }

    /// <summary>Shows the Account SID only; the token is masked.</summary>
    public override string ToString() => $"ImpactCredentials(AccountSid={AccountSid}, AuthToken=***)";

    internal AuthenticationHeaderValue ToBasicHeader() => new("Basic", BasicValue());

    /// <summary>
    /// Replaces the token wherever it appears in text from the wire or built from it: raw, percent-encoded,
    /// or inside the Basic header value. Servers and proxies sometimes echo request headers into error bodies.
    /// </summary>
    internal string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in new[] { BasicValue(), _authToken, Uri.EscapeDataString(_authToken) })
        {
            if (text!.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(secret, "***");
            }
        }

        return text!;
    }

    private string BasicValue() => Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountSid + ":" + _authToken));
}
