namespace Impact.ApiSubmissions.Cli.Filtering;

/// <summary>Reads the values of <c>--since</c> and <c>--until</c>: a date, a date and time, or an age.</summary>
internal static class DateArgument
{
    public const string ExpectedForms = "a date (2024-08-01), a date and time (2024-08-01T09:30:00-07:00, offset optional) or an age (90m, 12h, 7d)";

    private static readonly string[] DateOnlyFormats = { "yyyy-MM-dd" };

    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    };

    /// <summary>Reads an instant. A bare date is the start of that day (<paramref name="endOfDay"/>: the start of the next), in local time.</summary>
    /// <exception cref="UsageException">The text is none of the accepted forms.</exception>
    public static DateTimeOffset Parse(string option, string text, bool endOfDay, DateTimeOffset now, TimeZoneInfo localZone)
    {
        var value = text.Trim();
        if (TryParseAge(value, out var age))
        {
            return now - age;
        }

        if (DateTime.TryParseExact(value, DateOnlyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Local(endOfDay ? date.AddDays(1) : date, localZone);
        }

        // An explicit offset or Z wins; without one the time is local.
        if (HasOffset(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset;
        }

        if (DateTime.TryParseExact(value, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Local(local, localZone);
        }

        throw new UsageException($"{option} '{text}' is not a date: use {ExpectedForms}.");
    }

    private static bool HasOffset(string value)
    {
        var t = value.IndexOf('T') >= 0 ? value.IndexOf('T') : value.IndexOf(' ');
        if (t < 0)
        {
            return false;
        }

        var time = value.Substring(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOf('+') >= 0 || time.IndexOf('-') >= 0;
    }

    private static bool TryParseAge(string value, out TimeSpan age)
    {
        age = default;
        if (value.Length < 2)
        {
            return false;
        }

        var unit = char.ToLowerInvariant(value[value.Length - 1]);
        if (!int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        age = unit switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            'w' => TimeSpan.FromDays(7 * amount),
            _ => TimeSpan.MinValue,
        };
        return age != TimeSpan.MinValue;
    }

    private static DateTimeOffset Local(DateTime unspecified, TimeZoneInfo zone)
    {
        var clock = DateTime.SpecifyKind(unspecified, DateTimeKind.Unspecified);
        // A time skipped by a daylight-saving change has no offset of its own: take the one before the change.
        var offset = zone.IsInvalidTime(clock) ? zone.GetUtcOffset(clock.AddHours(-1)) : zone.GetUtcOffset(clock);
        return new DateTimeOffset(clock, offset);
    }
}
