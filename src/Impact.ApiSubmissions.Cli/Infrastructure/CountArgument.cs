namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>Reads whole-number options such as <c>--max</c>, with a message that says what is allowed.</summary>
internal static class CountArgument
{
    public static int? Parse(string option, string? text, int min, int max)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var range = max == int.MaxValue
            ? $"a whole number of at least {min.ToString(CultureInfo.InvariantCulture)}"
            : $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        throw new UsageException($"{option} '{text}' is not {range}.");
    }
}
