using System;
using System.Globalization;
using System.IO;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Submissions as one JSON array, written as they arrive: each element is the submission in impact.com's
/// wire shape (ImpactJson), so field names and values read back exactly.
/// </summary>
internal sealed class JsonOutput
{
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
        // The SDK marks its conveniences (IsComplete, ErrorReasons...) [JsonIgnore]: only wire fields are written.
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            Serializer.Serialize(json, submission);
        }

        return text.ToString();
    }
}
