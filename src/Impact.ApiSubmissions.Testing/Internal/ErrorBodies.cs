using System.Collections.Generic;
using System.Text;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>impact.com's error envelope, with the messages the spec's examples use for each status.</summary>
internal static class ErrorBodies
{
    private static readonly Dictionary<int, byte[]> Standard = new()
    {
        [400] = WireJson.Error("Validation Failed"),
        [401] = WireJson.Error("Authentication failed"),
        [402] = WireJson.Error("Request failed"),
        [403] = WireJson.Error("Access denied"),
        [404] = WireJson.Error("Resource not found"),
        [405] = WireJson.Error("Method not allowed"),
        [429] = WireJson.Error("Rate limit exceeded"),
        [500] = WireJson.Error("Internal server error"),
        [502] = WireJson.Error("Bad gateway"),
        [503] = WireJson.Error("Service unavailable"),
        [504] = WireJson.Error("Gateway timeout"),
    };

    /// <summary>A page answered by something in front of the service instead of JSON.</summary>
    public static byte[] NotJson { get; } = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><title>impact.com</title></head><body><p>One moment, please&hellip;</p></body></html>");

    public static byte[] For(int statusCode) =>
        Standard.TryGetValue(statusCode, out var body) ? body : WireJson.Error($"HTTP {statusCode}");

    public static byte[] InvalidField(string field, string message) =>
        WireJson.Error("Validation Failed", new[] { new KeyValuePair<string, string>(field, message) });
}
