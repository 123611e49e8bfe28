using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

public partial class ApiSubmissionsClient
{
    // Hook NSwag generates for us: every read, generated or hand-written, uses the wire-tolerant settings.
    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) => ImpactJson.Configure(settings);
}
