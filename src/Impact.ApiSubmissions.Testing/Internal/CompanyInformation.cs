using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// The account's <c>CompanyInformation</c>: clients written for impact.com read it first to check that the
/// credentials work. Only a minimal object, in the wire's style (numbers as strings).
/// </summary>
internal static class CompanyInformation
{
    public static byte[] Json(string accountSid, int accountId)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("Id");
            writer.WriteValue(accountId.ToString(CultureInfo.InvariantCulture));
            writer.WritePropertyName("CompanyName");
            writer.WriteValue("Mock Advertiser");
            writer.WritePropertyName("Currency");
            writer.WriteValue("USD");
            writer.WritePropertyName("TimeZone");
            writer.WriteValue("America/Los_Angeles");
            writer.WritePropertyName("Uri");
            writer.WriteValue("/Advertisers/" + System.Uri.EscapeDataString(accountSid) + "/CompanyInformation");
            writer.WriteEndObject();
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }
}
