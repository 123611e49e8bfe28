namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>How a successful response's body is spoiled.</summary>
internal enum BodyFault
{
    None,

    /// <summary>Not JSON at all: an HTML page, as a proxy in front of the service may answer.</summary>
    Malformed,

    /// <summary>The real JSON cut off halfway, as when a connection drops mid-body.</summary>
    Truncated,
}
