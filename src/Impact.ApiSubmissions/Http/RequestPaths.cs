using System;

namespace Impact.ApiSubmissions.Http;

/// <summary>Builds request paths so that a user's value always travels as one path segment.</summary>
internal static class RequestPaths
{
    public static string Account(string accountSid) => "Advertisers/" + Segment(accountSid, nameof(accountSid));

    public static string Submissions(string accountSid) => Account(accountSid) + "/APISubmissions";

    public static string Submission(string accountSid, string batchId) => Submissions(accountSid) + "/" + Segment(batchId, nameof(batchId));

    public static string FtpFiles(string accountSid) => Account(accountSid) + "/FTPFileSubmissions";

    public static string FtpFile(string accountSid, string batchId) => FtpFiles(accountSid) + "/" + Segment(batchId, nameof(batchId));

    public static string FtpErrorDetails(string accountSid, string batchId) => FtpFile(accountSid, batchId) + "/ErrorDetails";

    /// <summary>
    /// Escapes a value as one segment: '/', '?', '#', '%', spaces and non-ASCII are percent-encoded.
    /// A value made only of dots is refused: System.Uri resolves '.' and '..' (even escaped) as steps
    /// to another path, and no impact.com identifier looks like that.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="parameterName">The caller's parameter that holds it, named by the exception.</param>
    public static string Segment(string value, string parameterName)
    {
        if (value.Trim('.').Length == 0)
        {
            throw new ArgumentException($"'{value}' is not a valid identifier: a path segment made only of dots would address another path.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }

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
