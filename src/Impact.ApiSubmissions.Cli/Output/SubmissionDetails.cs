namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>What <c>get</c> and <c>wait</c> show of one submission: the outcome, every field, the error reasons explained, the payload.</summary>
internal static class SubmissionDetails
{
    public static void Write(IAnsiConsole console, ApiSubmission s, bool withPayload)
    {
        console.MarkupLine($"[bold underline]Submission {Markup.Escape(Display.Text(s.BatchId))}[/]");
        console.MarkupLine(Display.OutcomeMarkup(s));
        console.WriteLine();

        var fields = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        var shown = new System.Collections.Generic.HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        void Add(string name, string markup)
        {
            shown.Add(name);
            fields.AddRow("[bold]" + name + "[/]", markup);
        }

        string Plain(string? text) => Markup.Escape(Display.Text(text));

        Add("BatchId", Plain(s.BatchId));
        Add("Status", Display.StatusMarkup(s));
        Add("Type", Plain(s.Type?.ToString()));
        Add("SubmissionDate", Display.Date(s.SubmissionDate));
        Add("CompletionDate", Display.Date(s.CompletionDate));
        Add("Processing time", s.ProcessingTime is { } took ? Display.Duration(took) : Display.None);
        Add("ErrorType", s.ErrorType is { } errorType ? "[red]" + Markup.Escape(errorType.ToString()) + "[/]" : Display.None);
        Add("ErrorReason", s.HasErrors && !string.IsNullOrEmpty(s.ErrorReason) ? "[red]" + Markup.Escape(s.ErrorReason!) + "[/]" : Display.None);
        Add("AccountId", Display.Number(s.AccountId));
        Add("CampaignId", Display.Number(s.CampaignId) + " [grey](program)[/]");
        Add("ActionTrackerId", Display.Number(s.ActionTrackerId) + " [grey](event type)[/]");
        Add("EventCode", Plain(s.EventCode));
        Add("MediaPartnerId", s.MediaPartnerId is { } partner ? Display.Number(partner) + " [grey](partner)[/]" : "[grey]- (no partner credited)[/]");
        Add("OrderId", Plain(s.OrderId));
        Add("Uri", Plain(s.Uri));

        // Every other field the spec gives the model, as sent: a spec edit shows here unaided.
        // The Payload is shown decoded in its own section, never as one raw row.
        shown.Add(nameof(ApiSubmission.Payload));
        foreach (var (name, value) in WireFields.Of(s).Where(f => !shown.Contains(f.Name)).ToList())
        {
            Add(Markup.Escape(name), Plain(value));
        }

        // The SDK also parks a modelled field that came as "" here: only names it does not model are new.
        foreach (var extra in s.AdditionalFields
            .Where(p => !WireFields.Names.Contains(p.Key, System.StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            // Fields impact.com added after this tool was built: shown as sent.
            Add(Markup.Escape(extra.Key), Markup.Escape(extra.Value) + " [grey](new field)[/]");
        }

        console.Write(fields);

        if (s.ErrorReasons.Count > 0)
        {
            console.WriteLine();
            var reasons = new Table().Border(TableBorder.Rounded).Title("[bold]Error reasons[/]")
                .AddColumn("Code").AddColumn("What it means");
            foreach (var reason in s.ErrorReasons)
            {
                reasons.AddRow(
                    "[red]" + Markup.Escape(reason.Code) + "[/]",
                    reason.Description is { } description ? Markup.Escape(description) : "[grey]Not documented by impact.com when this tool was built.[/]");
            }

            console.Write(reasons);
        }

        if (withPayload)
        {
            console.WriteLine();
            var payload = s.ParsePayload();
            var type = s.Type ?? SubmissionType.Conversion;
            PayloadView.Write(console, payload, payload.Validate(type), type);
        }
    }
}
