namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// The one output of every listing command (<c>list</c>, <c>ftp list</c>, <c>ftp errors</c>): a table of the columns
/// the command picks, or each record's wire fields as json, jsonl or csv. json, jsonl and csv go out record by record
/// as the listing reads them, so a listing stopped by Ctrl+C or <c>--timeout</c> keeps every record it read; a table
/// waits for the last record, with a progress bar on a live terminal.
/// </summary>
internal static class RecordOutput
{
    /// <returns>For a table, the records read (the table is drawn when there are any); otherwise none.</returns>
    public static async Task<IReadOnlyList<T>> WriteAsync<T>(CliEnvironment environment, OutputFormat format, ListingReader<T> reader, IReadOnlyList<Column<T>> columns, CancellationToken cancellationToken)
        where T : class
    {
        if (format != OutputFormat.Table)
        {
            var writer = new RecordWriter<T>(environment.RawOut, format);
            await foreach (var record in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                writer.Write(record);
            }

            writer.End();
            await environment.RawOut.FlushAsync().ConfigureAwait(false);
            return Array.Empty<T>();
        }

        var rows = await ListingProgress.RunAsync(environment, show: true, reader, reader.ReadAllAsync, cancellationToken).ConfigureAwait(false);
        if (rows.Count > 0)
        {
            environment.Out.Write(Column<T>.Table(columns, rows, environment.Out.Profile.Width));
        }

        return rows;
    }
}
