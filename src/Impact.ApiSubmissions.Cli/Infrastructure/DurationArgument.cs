namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>Reads durations such as <c>500ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c>; a bare number is seconds.</summary>
internal static class DurationArgument
{
    public static TimeSpan Parse(string option, string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        var value = text.Trim().ToLowerInvariant();
        var (number, scale) =
            value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : value.EndsWith('h') ? (value[..^1], 3600.0)
            : (value, 1.0);
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount * scale <= TimeSpan.FromDays(7).TotalSeconds)
        {
            return TimeSpan.FromSeconds(amount * scale);
        }

        throw new UsageException($"{option} '{text}' is not a duration: use a positive number with a unit, e.g. 500ms, 2s, 5m, 1h.");
    }
}
