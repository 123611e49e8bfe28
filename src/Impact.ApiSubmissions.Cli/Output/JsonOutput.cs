using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Submissions as one JSON array, written as they arrive: each element is the submission in impact.com's
/// wire shape (ImpactJson), so field names and values read back exactly.
/// </summary>
internal sealed class JsonOutput
{
    // Conveniences the SDK computes (IsComplete, HasErrors, ErrorReasons...) are not wire fields.
    private static readonly string[] ComputedMembers = typeof(ApiSubmission)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is null && p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
        .Select(p => p.Name)
        .ToArray();

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(ImpactJson.CreateSettings());

    private readonly TextWriter _writer;
    private int _count;

    public JsonOutput(TextWriter writer) => _writer = writer;

    public void Write(ApiSubmission submission)
    {
        // The bracket waits for the first submission: a listing that fails at once leaves stdout empty.
        _writer.Write(_count++ == 0 ? "[\n  " : ",\n  ");
        // Values never hold a raw line break (JSON escapes them): every one is indentation.
        _writer.Write(Format(submission).Replace("\n", "\n  ", StringComparison.Ordinal));
    }

    public void End() => _writer.Write(_count == 0 ? "[]\n" : "\n]\n");

    /// <summary>One submission as indented JSON with the wire fields only.</summary>
    public static string Format(ApiSubmission submission)
    {
        var json = JObject.FromObject(submission, Serializer);
        foreach (var name in ComputedMembers)
        {
            json.Remove(name);
        }

        return json.ToString(Formatting.Indented);
    }
}
