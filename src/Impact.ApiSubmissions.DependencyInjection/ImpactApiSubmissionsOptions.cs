namespace Impact.ApiSubmissions;

/// <summary>
/// Client options plus credentials, as bound from configuration by
/// <c>services.AddImpactApiSubmissions(configuration.GetSection("ImpactApiSubmissions"))</c>.
/// Keep the Auth Token in a secret store (user secrets, environment, vault), not in appsettings.json.
/// </summary>
public class ImpactApiSubmissionsOptions : ApiSubmissionsClientOptions
{
    /// <summary>The brand account's SID.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's Auth Token.</summary>
    public string? AuthToken { get; set; }
}
