using System;
using System.Globalization;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// Writes instants the way impact.com does for a US Pacific account: ISO 8601 with the local offset
/// (-07:00 in daylight time, -08:00 otherwise). The US rule is computed here rather than read from the
/// machine's time-zone database, so the data set is the same on every machine.
/// </summary>
internal static class AccountClock
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    public static DateTimeOffset ToAccountTime(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var offset = IsPacificDaylightTime(utc) ? TimeSpan.FromHours(-7) : TimeSpan.FromHours(-8);
        var local = new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(offset);
        return local;
    }

    public static string ToWire(DateTimeOffset value) => value.ToString(WireFormat, CultureInfo.InvariantCulture);

    // Daylight time runs from the second Sunday of March, 02:00 PST (10:00 UTC),
    // to the first Sunday of November, 02:00 PDT (09:00 UTC).
    private static bool IsPacificDaylightTime(DateTime utc)
    {
        var start = NthSunday(utc.Year, 3, 2).AddHours(10);
        var end = NthSunday(utc.Year, 11, 1).AddHours(9);
        return utc >= start && utc < end;
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var daysToSunday = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(daysToSunday + 7 * (n - 1));
    }
}
