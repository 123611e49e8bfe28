using System;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Serialization;

/// <summary>A JSON value that cannot be coerced to the type the spec gives its field.</summary>
internal sealed class WireValueException : JsonSerializationException
{
    public WireValueException(string path, string value, string expected)
        : base($"Field '{path}' has value {WireText.Quote(value)}, which is not {expected}.")
    {
        Field = path;
        Value = WireText.Bound(value);
        Expected = expected;
    }

    public string Field { get; }

    public string Value { get; }

    public string Expected { get; }
}

/// <summary>Keeps service text short and printable before it goes into a message.</summary>
internal static class WireText
{
    public const int MaxValueLength = 80;

    public static string Bound(string? value, int max = MaxValueLength)
    {
        if (value is null)
        {
            return string.Empty;
        }

        return value.Length <= max ? value : value.Substring(0, max) + "…";
    }

    public static string Quote(string? value) => "\"" + Bound(value).Replace("\"", "\\\"") + "\"";
}
