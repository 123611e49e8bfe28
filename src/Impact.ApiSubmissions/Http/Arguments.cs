using System;

namespace Impact.ApiSubmissions.Http;

/// <summary>Checks of a caller's arguments, before anything is built or sent.</summary>
internal static class Arguments
{
    public static void RequireValue(string? value, string parameterName, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{what} is required and cannot be blank.", parameterName);
        }
    }

    /// <summary>Refuses plain http to anything but loopback: Basic credentials would travel in clear.</summary>
    public static void RequireSafeTransport(Uri address, string parameterName)
    {
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be an absolute URI such as https://api.impact.com.", parameterName);
        }

        if (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback))
        {
            return;
        }

        throw new ArgumentException(
            $"The address {address.GetLeftPart(UriPartial.Authority)} is refused: credentials would travel in clear. Use https (plain http is allowed only for a loopback mock server).",
            parameterName);
    }
}
