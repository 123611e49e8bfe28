using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>payload decode</c>: reads a payload offline, shows its fields and items, and checks it.</summary>
internal sealed class PayloadDecodeCommand : AsyncCommand<PayloadDecodeSettings>
{
    private readonly CliEnvironment _environment;

    public PayloadDecodeCommand(CliEnvironment environment) => _environment = environment;

    public override async Task<int> ExecuteAsync(CommandContext context, PayloadDecodeSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json);
        var type = settings.Type is null ? SubmissionType.Conversion : TypeArgument(settings.Type);
        var text = settings.Payload;
        if (text is null)
        {
            if (!_environment.IsInputRedirected)
            {
                throw new UsageException($"Which payload? Give it in quotes ({CliApp.Name} payload decode \"CampaignId=1000&...\") or pipe it in.");
            }

            text = await _environment.In.ReadToEndAsync(_environment.Cancellation);
        }

        // A line end from echo or a file is not part of the payload.
        text = text.TrimEnd('\r', '\n');
        var payload = SubmissionPayload.Parse(text);
        var problems = payload.Validate(type);

        if (format == OutputFormat.Json)
        {
            await _environment.RawOut.WriteLineAsync(Json(payload, problems, type).ToString(Formatting.Indented));
        }
        else
        {
            PayloadView.Write(_environment.Out, payload, problems, type);
        }

        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.CompletedWithErrors;
    }

    private static SubmissionType TypeArgument(string text)
    {
        foreach (var known in SubmissionType.KnownValues)
        {
            if (string.Equals(known.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        throw new UsageException($"Unknown type '{text}' for --type: use one of {string.Join(", ", SubmissionType.KnownValues)}.");
    }

    private static JObject Json(SubmissionPayload payload, System.Collections.Generic.IReadOnlyList<PayloadProblem> problems, SubmissionType type) => new()
    {
        ["checkedAs"] = type.ToString(),
        ["fields"] = new JArray(payload.Fields.Select(f => new JObject { ["key"] = f.Key, ["value"] = f.Value })),
        ["items"] = new JArray(payload.Items.Select(i => new JObject
        {
            ["index"] = i.Index,
            ["fields"] = new JObject(i.Fields.GroupBy(f => PayloadView.Attribute(f.Key), StringComparer.Ordinal).Select(g => new JProperty(g.Key, g.First().Value))),
        })),
        ["problems"] = new JArray(problems.Select(p => new JObject
        {
            ["kind"] = p.Kind.ToString(),
            ["key"] = p.Key,
            ["itemIndex"] = p.ItemIndex,
            ["message"] = p.Message,
        })),
    };
}
