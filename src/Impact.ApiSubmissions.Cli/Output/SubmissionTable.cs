using System.Collections.Generic;
using Spectre.Console;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>The table <c>list</c> prints: one row per submission.</summary>
internal static class SubmissionTable
{
    public static Table Build(IEnumerable<ApiSubmission> submissions)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("BatchId")
            .AddColumn("Submitted")
            .AddColumn("Type")
            .AddColumn("Status")
            .AddColumn(new TableColumn("Program").RightAligned())
            .AddColumn(new TableColumn("Partner").RightAligned())
            .AddColumn("OrderId")
            .AddColumn("Errors");
        foreach (var s in submissions)
        {
            table.AddRow(
                Markup.Escape(Display.Text(s.BatchId)),
                Display.Date(s.SubmissionDate),
                Markup.Escape(Display.Text(s.Type?.ToString())),
                Display.StatusMarkup(s),
                Display.Number(s.CampaignId),
                Display.Number(s.MediaPartnerId),
                Markup.Escape(Display.Text(s.OrderId)),
                s.HasErrors ? "[red]" + Markup.Escape(Display.ErrorSummary(s)) + "[/]" : string.Empty);
        }

        return table;
    }
}
