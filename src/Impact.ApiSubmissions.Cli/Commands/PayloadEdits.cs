namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>The <c>--set KEY=VALUE</c> and <c>--remove KEY</c> of <c>resubmit</c>, checked before any request, and the diff they make.</summary>
internal sealed class PayloadEdits
{
    private readonly List<(string Key, string Value)> _sets = new();
    private readonly List<string> _removes = new();

    public bool IsEmpty => _sets.Count == 0 && _removes.Count == 0;

    /// <exception cref="UsageException">A --set without '=' or with an empty key; a key both set and removed.</exception>
    public static PayloadEdits Parse(IEnumerable<string> sets, IEnumerable<string> removes)
    {
        var edits = new PayloadEdits();
        foreach (var text in sets)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--set '{text}' is not KEY=VALUE: write e.g. --set CampaignId=1001.");
            }

            edits._sets.Add((text[..equals], text[(equals + 1)..]));
        }

        foreach (var key in removes)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new UsageException("--remove needs a key, e.g. --remove PromoCode.");
            }

            if (edits._sets.Any(s => s.Key == key))
            {
                throw new UsageException($"{key} is both set and removed: give one of --set {key}=... and --remove {key}.");
            }

            edits._removes.Add(key);
        }

        return edits;
    }

    /// <summary>The edits as the user gave them, e.g. <c>set CampaignId=1001, remove PromoCode</c>.</summary>
    public override string ToString() =>
        string.Join(", ", _sets.Select(s => $"set {s.Key}={s.Value}").Concat(_removes.Select(k => "remove " + k)));

    /// <summary>Applies the edits.</summary>
    /// <returns>The keys of --remove that the payload does not have.</returns>
    public IReadOnlyList<string> ApplyTo(SubmissionPayload payload)
    {
        var absent = new List<string>();
        foreach (var key in _removes)
        {
            if (!payload.Remove(key))
            {
                absent.Add(key);
            }
        }

        foreach (var (key, value) in _sets)
        {
            payload.Set(key, value);
        }

        return absent;
    }

    /// <summary>The sentence for a --remove whose key one payload lacks, naming a key that differs only in case.</summary>
    public static string Absent(string key, SubmissionPayload payload)
    {
        var near = payload.Fields.Select(f => f.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        return near is null
            ? $"--remove {key}: the payload has no {key}, so nothing was removed."
            : $"--remove {key}: the payload has no {key} (it has {near}; keys are case-sensitive), so nothing was removed.";
    }

    /// <summary>What changed between two payloads, key by key (first values): removed, added, changed.</summary>
    public static IReadOnlyList<Change> Diff(SubmissionPayload before, SubmissionPayload after)
    {
        var changes = new List<Change>();
        foreach (var key in before.Fields.Select(f => f.Key).Distinct(StringComparer.Ordinal))
        {
            var old = before[key];
            var now = after[key];
            if (now is null)
            {
                changes.Add(new Change('-', key, old, null));
            }
            else if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                changes.Add(new Change('~', key, old, now));
            }
        }

        foreach (var key in after.Fields.Select(f => f.Key).Distinct(StringComparer.Ordinal).Where(k => !before.ContainsKey(k)))
        {
            changes.Add(new Change('+', key, null, after[key]));
        }

        return changes;
    }

    public static void WriteDiff(IAnsiConsole console, IReadOnlyList<Change> changes)
    {
        if (changes.Count == 0)
        {
            console.MarkupLine("Changes: none (the payload goes out as it was).");
            return;
        }

        console.MarkupLine("Changes:");
        foreach (var change in changes)
        {
            console.MarkupLine("  " + Markup.Escape(change.ToString()));
        }
    }

    /// <summary>One key's change: '-' removed, '+' added, '~' changed.</summary>
    internal sealed record Change(char Kind, string Key, string? Before, string? After)
    {
        public override string ToString() => Kind switch
        {
            '-' => $"- {Key} (was {Before})",
            '+' => $"+ {Key} = {After}",
            _ => $"~ {Key}: {Before} -> {After}",
        };
    }
}
