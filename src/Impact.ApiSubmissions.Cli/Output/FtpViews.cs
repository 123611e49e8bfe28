namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>How the <c>ftp</c> commands show files and their failed lines in a terminal.</summary>
internal static class FtpViews
{
    private const string Undocumented = "[grey]Not documented by impact.com when this tool was built.[/]";

    /// <summary>The status in color, as for API submissions: red when the file completed with failed records.</summary>
    public static string StatusMarkup(FtpFileSubmission file) => Display.StatusMarkup(file.Status, file.HasErrors);

    /// <summary>What happened to the file, in words.</summary>
    public static string OutcomeMarkup(FtpFileSubmission file)
    {
        if (file.IsPending)
        {
            return $"[yellow]Still being processed ({Markup.Escape(file.Status?.ToString() ?? string.Empty)}).[/]";
        }

        if (!file.IsComplete)
        {
            return $"[magenta]Status '{Markup.Escape(file.Status?.ToString() ?? Display.None)}' is not one this tool knows.[/]";
        }

        return file.HasErrors
            ? $"[red]Processed: {Display.Number(file.TotalErrors)} of {Display.Number(file.TotalRecords)} records failed.[/]"
            : $"[green]Processed without errors: {Display.Number(file.TotalRecords)} records.[/]";
    }

    /// <summary>Every field of the file, from the model (a field the spec adds shows unaided), then any the spec does not name.</summary>
    public static void WriteDetails(IAnsiConsole console, FtpFileSubmission file)
    {
        console.MarkupLine($"[bold underline]FTP file submission {Markup.Escape(Display.Text(file.BatchId))}[/]");
        console.MarkupLine(OutcomeMarkup(file));
        console.WriteLine();
        var fields = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (name, value) in WireFields<FtpFileSubmission>.Values(file))
        {
            // Dates as get shows them (Display.Date); the wire's ISO form is for json and csv.
            var shown = name == nameof(FtpFileSubmission.Status) ? StatusMarkup(file)
                : value is DateTimeOffset date ? Display.Date(date)
                : Markup.Escape(Display.Text(WireFields.Text(value)));
            fields.AddRow("[bold]" + Markup.Escape(name) + "[/]", shown);
        }

        fields.AddRow("[bold]Processing time[/]", file.ProcessingTime is { } took ? Display.Duration(took) : Display.None);
        foreach (var extra in file.AdditionalFields
            .Where(p => !WireFields<FtpFileSubmission>.Names.Contains(p.Key, System.StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            fields.AddRow("[bold]" + Markup.Escape(extra.Key) + "[/]", Markup.Escape(extra.Value) + " [grey](new field)[/]");
        }

        console.Write(fields);
    }

    /// <summary>Lines by ErrorReason, most first, each with what it means; null is a line without a reason.</summary>
    public static IReadOnlyList<(ErrorReason? Reason, int Count)> ByReason(IEnumerable<FtpErrorDetail> lines) =>
        lines.GroupBy(l => l.Reason?.Code ?? string.Empty)
            .Select(g => (g.First().Reason, g.Count()))
            .OrderByDescending(g => g.Item2)
            .ThenBy(g => g.Reason?.Code, System.StringComparer.Ordinal)
            .ToList();

    /// <summary>The counts by reason as a table with each reason's meaning.</summary>
    public static Table ReasonTable(IReadOnlyList<(ErrorReason? Reason, int Count)> counts)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Failed lines by ErrorReason[/]")
            .AddColumn("Reason").AddColumn(new TableColumn("Lines").RightAligned()).AddColumn("What it means");
        foreach (var (reason, count) in counts)
        {
            table.AddRow(
                "[red]" + Markup.Escape(reason?.Code is { Length: > 0 } code ? code : "(no reason)") + "[/]",
                count.ToString(CultureInfo.InvariantCulture),
                reason?.Description is { } description ? Markup.Escape(description) : Undocumented);
        }

        return table;
    }
}
