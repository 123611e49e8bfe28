namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>
/// Masks the Auth Token in anything the tool prints about an error. The SDK never puts the token in a
/// message; this guards the tool's own lines too (a value echoed back from the command line, say).
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        // Very short values would mask ordinary words; a real token is long.
        _secrets = secrets.Where(s => !string.IsNullOrWhiteSpace(s) && s!.Trim().Length >= 4).Select(s => s!.Trim()).Distinct().ToArray();
    }

    /// <summary>Collects the token from the command line (<c>--auth-token X</c> or <c>--auth-token=X</c>) and the environment.</summary>
    public static SecretRedactor For(IReadOnlyList<string> args, Func<string, string?> getVariable)
    {
        var secrets = new List<string?> { getVariable(Connection.ImpactConnection.AuthTokenVariable) };
        for (var i = 0; i < args.Count; i++)
        {
            const string option = "--auth-token";
            if (string.Equals(args[i], option, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count)
            {
                secrets.Add(args[i + 1]);
            }
            else if (args[i].StartsWith(option + "=", StringComparison.OrdinalIgnoreCase) || args[i].StartsWith(option + ":", StringComparison.OrdinalIgnoreCase))
            {
                secrets.Add(args[i].Substring(option.Length + 1));
            }
        }

        return new SecretRedactor(secrets);
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
