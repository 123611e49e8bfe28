using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Serialization;

/// <summary>The fields a record carried that the spec does not name, as text.</summary>
internal static class WireExtras
{
    /// <summary>A JSON string as it is, anything else as its JSON; null as empty.</summary>
    public static IReadOnlyDictionary<string, string> AsText(IDictionary<string, object> extras)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var extra in extras)
        {
            fields[extra.Key] = extra.Value switch
            {
                null => string.Empty,
                string text => text,
                Newtonsoft.Json.Linq.JValue { Value: string text } => text,
                Newtonsoft.Json.Linq.JToken token => token.ToString(Formatting.None),
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            };
        }

        return fields;
    }
}
