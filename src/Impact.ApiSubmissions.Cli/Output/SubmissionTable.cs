namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// The table <c>list</c> prints: one row per submission. On a narrow terminal the less telling columns
/// give way, so that a BatchId always stays on one line and can be copied.
/// </summary>
internal static class SubmissionTable
{
    private sealed record Column(string Header, int Width, bool RightAligned, Func<ApiSubmission, string> Cell);

    private static readonly Column BatchId = new("BatchId", 40, false, s => Markup.Escape(Display.Text(s.BatchId)));
    private static readonly Column Submitted = new("Submitted", 23, false, s => Date(s.SubmissionDate));
    private static readonly Column Type = new("Type", 12, false, s => Markup.Escape(Display.Text(s.Type?.ToString())));
    private static readonly Column Status = new("Status", 11, false, Display.StatusMarkup);
    private static readonly Column Program = new("Program", 7, true, s => Display.Number(s.CampaignId));
    private static readonly Column Partner = new("Partner", 7, true, s => Display.Number(s.MediaPartnerId));
    private static readonly Column OrderId = new("OrderId", 13, false, s => Markup.Escape(Display.Text(s.OrderId)));
    private static readonly Column Errors = new("Errors", 24, false, s => s.HasErrors ? "[red]" + Markup.Escape(Display.ErrorSummary(s)) + "[/]" : string.Empty);

    // From the most telling to the least: a column is shown when the terminal has room for it and all before it.
    private static readonly Column[] ByImportance = { BatchId, Status, Errors, Submitted, Type, Program, OrderId, Partner };
    private static readonly Column[] InOrder = { BatchId, Submitted, Type, Status, Program, Partner, OrderId, Errors };

    public static Table Build(IEnumerable<ApiSubmission> submissions, int width)
    {
        var shown = new HashSet<Column>();
        var used = 1;
        foreach (var column in ByImportance)
        {
            // Each column costs its content plus a border and two spaces of padding.
            if (shown.Count < 3 || used + column.Width + 3 <= width)
            {
                shown.Add(column);
                used += column.Width + 3;
            }
        }

        var columns = InOrder.Where(shown.Contains).ToList();
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            var tableColumn = new TableColumn(column.Header);
            if (column.RightAligned)
            {
                tableColumn.RightAligned();
            }

            if (column != Errors)
            {
                tableColumn.NoWrap();
            }

            table.AddColumn(tableColumn);
        }

        foreach (var s in submissions)
        {
            table.AddRow(columns.Select(c => c.Cell(s)).ToArray());
        }

        return table;
    }

    private static string Date(DateTimeOffset? value) =>
        value is { } date ? date.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : Display.None;
}
