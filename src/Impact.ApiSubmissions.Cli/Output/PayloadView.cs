using System.Text.RegularExpressions;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// A decoded payload as tables: the fields in the order sent, the items with one column per attribute,
/// and the problems <see cref="SubmissionPayload.Validate(SubmissionType)"/> found.
/// </summary>
internal static class PayloadView
{
    private static readonly Regex ItemKey = new(@"^Item([A-Za-z]+?)(\d+)(?:_(\d+))?$", RegexOptions.CultureInvariant);
    private static readonly Regex PercentEscape = new("%[0-9A-Fa-f]{2}", RegexOptions.CultureInvariant);

    public static void Write(IAnsiConsole console, SubmissionPayload payload, IReadOnlyList<PayloadProblem> problems, SubmissionType checkedAs)
    {
        console.MarkupLine("[bold underline]Payload[/]");
        if (payload.Count == 0)
        {
            console.MarkupLine("[grey](empty)[/]");
            WriteProblems(console, problems, checkedAs);
            return;
        }

        var items = payload.Items;
        var itemKeys = new HashSet<string>(items.SelectMany(i => i.Fields).Select(f => f.Key), StringComparer.Ordinal);
        var undocumented = new HashSet<string>(payload.AdditionalFields.Select(f => f.Key), StringComparer.Ordinal);

        var fields = new Table().Border(TableBorder.Rounded).Title("[bold]Fields[/]").AddColumn("Key").AddColumn("Value").AddColumn("Note");
        foreach (var field in payload.Fields.Where(f => !itemKeys.Contains(f.Key)))
        {
            fields.AddRow(
                field.Key.Length == 0 ? "[red](empty key)[/]" : Markup.Escape(field.Key),
                Markup.Escape(field.Value),
                "[grey]" + Markup.Escape(Note(field, undocumented)) + "[/]");
        }

        console.Write(fields);
        if (items.Count > 0)
        {
            console.Write(Items(payload, items));
        }

        console.WriteLine();
        WriteProblems(console, problems, checkedAs);
    }

    public static void WriteProblems(IAnsiConsole console, IReadOnlyList<PayloadProblem> problems, SubmissionType checkedAs)
    {
        if (problems.Count == 0)
        {
            console.MarkupLine($"[green]No problems found[/] (checked as a {Markup.Escape(checkedAs.ToString())}).");
            return;
        }

        console.MarkupLine($"[red]{problems.Count.ToString(CultureInfo.InvariantCulture)} problem{(problems.Count == 1 ? string.Empty : "s")}[/] (checked as a {Markup.Escape(checkedAs.ToString())}):");
        foreach (var problem in problems)
        {
            console.MarkupLine($"  [red]{Markup.Escape(problem.Kind.ToString())}[/]: {Markup.Escape(problem.Message)}");
        }
    }

    /// <summary>An item key's attribute name: <c>Sku</c> for <c>ItemSku2</c>, <c>Text_3</c> for <c>ItemText2_3</c>.</summary>
    public static string Attribute(string key)
    {
        var match = ItemKey.Match(key);
        if (!match.Success)
        {
            return key;
        }

        return match.Groups[3].Success ? match.Groups[1].Value + "_" + match.Groups[3].Value : match.Groups[1].Value;
    }

    private static Table Items(SubmissionPayload payload, IReadOnlyList<PayloadItem> items)
    {
        var columns = items.SelectMany(i => i.Fields).Select(f => Attribute(f.Key)).Distinct(StringComparer.Ordinal).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Items[/]").AddColumn(new TableColumn("#").RightAligned());
        foreach (var column in columns)
        {
            table.AddColumn(column is "Quantity" or "Price" or "SubTotal" or "Discount" ? new TableColumn(column).RightAligned() : new TableColumn(column));
        }

        foreach (var item in items)
        {
            var values = item.Fields.GroupBy(f => Attribute(f.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            var row = new List<string> { item.Index.ToString(CultureInfo.InvariantCulture) };
            row.AddRange(columns.Select(c => values.TryGetValue(c, out var v) ? Markup.Escape(v) : string.Empty));
            table.AddRow(row.ToArray());
        }

        var units = items.Sum(i => i.Quantity ?? 0);
        var caption = $"{items.Count.ToString(CultureInfo.InvariantCulture)} item{(items.Count == 1 ? string.Empty : "s")}, {units.ToString(CultureInfo.InvariantCulture)} unit{(units == 1 ? string.Empty : "s")}";
        if (items.All(i => i.Quantity.HasValue && i.Price.HasValue))
        {
            var total = items.Sum(i => i.Quantity!.Value * i.Price!.Value);
            caption += $", {total.ToString("0.00", CultureInfo.InvariantCulture)} {payload["CurrencyCode"] ?? string.Empty} at item prices".Replace("  ", " ", StringComparison.Ordinal);
        }

        return table.Caption(Markup.Escape(caption));
    }

    private static string Note(PayloadField field, HashSet<string> undocumented)
    {
        if (PercentEscape.IsMatch(field.Value))
        {
            return "still holds %XX after decoding: sent encoded twice?";
        }

        return undocumented.Contains(field.Key) ? "not a documented key; kept as sent" : string.Empty;
    }
}
