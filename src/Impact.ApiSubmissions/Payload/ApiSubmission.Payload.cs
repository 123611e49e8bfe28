namespace Impact.ApiSubmissions;

public partial class ApiSubmission
{
    /// <summary>
    /// Parses <see cref="Payload"/>, the form-urlencoded body that was submitted, by the rules of
    /// <see cref="SubmissionPayload.Parse"/>.
    /// </summary>
    /// <returns>The parsed payload; an empty payload when <see cref="Payload"/> is null or empty. Never throws.</returns>
    /// <remarks>Each call parses again: keep the result rather than calling this in a loop.</remarks>
    public SubmissionPayload ParsePayload() => SubmissionPayload.Parse(Payload ?? string.Empty);
}
