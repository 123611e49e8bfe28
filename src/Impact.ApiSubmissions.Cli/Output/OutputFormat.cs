namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>The values of <c>--format</c>.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,

    /// <summary>JSON Lines: one record per line, written as it is read, so an interrupted listing keeps every line it wrote.</summary>
    JsonLines,
}

/// <summary>Reads <c>--format</c>.</summary>
internal static class OutputFormats
{
    public static OutputFormat Parse(string? text, params OutputFormat[] allowed)
    {
        var value = (text ?? "table").Trim();
        foreach (var format in allowed)
        {
            if (string.Equals(value, Name(format), StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        var names = allowed.Select(Name).ToList();
        var list = names.Count == 2 ? $"{names[0]} or {names[1]}" : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
        throw new UsageException($"Unknown format '{text}' for --format: use {list}.");
    }

    /// <summary>What the user types for a format: table, json, csv, jsonl.</summary>
    public static string Name(OutputFormat format) => format == OutputFormat.JsonLines ? "jsonl" : format.ToString().ToLowerInvariant();
}
