namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>Reads <c>--live N/min</c> (or a plain N): submissions a minute for the mock's live scenario.</summary>
internal static class LiveRate
{
    public static int? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var value = text.Trim();
        if (value.EndsWith("/min", StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^4].Trim();
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 6000
            ? n
            : throw new UsageException($"--live '{text}' is not a rate like 30/min (1 to 6000 submissions a minute).");
    }
}
