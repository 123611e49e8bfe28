using System.Collections.Generic;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

public partial class FtpErrorDetail
{
    /// <summary>
    /// Fields impact.com sent that the spec does not name, with their values as text:
    /// a JSON string as it is, anything else as its JSON. Nothing the service sends is lost.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> AdditionalFields => WireExtras.AsText(AdditionalProperties);

    /// <summary>The line number, error kind and reason, for logs and debuggers.</summary>
    public override string ToString() =>
        $"line {Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {Status?.ToString() ?? "error"}: {Reason?.ToString() ?? "(no reason)"}";
}
