namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// One column of a listing's table, as the command picks it: the header, the width its cells usually need, its rank
/// (0 the most telling: on a narrow terminal the highest ranks give way first), and the cell of a record as markup.
/// </summary>
internal sealed record Column<T>(string Header, int Width, int Rank, Func<T, string> Cell)
{
    public bool RightAligned { get; init; }

    /// <summary>False keeps a cell on one line (a BatchId stays whole and can be copied); true lets a long text wrap.</summary>
    public bool Wraps { get; init; }

    /// <summary>
    /// A table of <paramref name="records"/> with the columns that fit <paramref name="width"/>, kept by rank (always
    /// the first three) and shown in the order given.
    /// </summary>
    public static Table Table(IReadOnlyList<Column<T>> columns, IEnumerable<T> records, int width, string? title = null)
    {
        var shown = new HashSet<Column<T>>();
        var used = 1;
        foreach (var column in columns.OrderBy(c => c.Rank))
        {
            // Each column costs its content plus a border and two spaces of padding.
            if (shown.Count < 3 || used + column.Width + 3 <= width)
            {
                shown.Add(column);
                used += column.Width + 3;
            }
        }

        var picked = columns.Where(shown.Contains).ToList();
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(title);
        }

        foreach (var column in picked)
        {
            var tableColumn = new TableColumn(column.Header);
            tableColumn.Alignment = column.RightAligned ? Justify.Right : null;
            tableColumn.NoWrap = !column.Wraps;
            table.AddColumn(tableColumn);
        }

        foreach (var record in records)
        {
            table.AddRow(picked.Select(c => c.Cell(record)).ToArray());
        }

        return table;
    }
}
