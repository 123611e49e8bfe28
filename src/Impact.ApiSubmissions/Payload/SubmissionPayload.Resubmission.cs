using System;

namespace Impact.ApiSubmissions;

// ForResubmission: which submissions can be sent again, in one place for the client and its callers.
public sealed partial class SubmissionPayload
{
    /// <summary>
    /// The payload to send <paramref name="submission"/> again with: its <see cref="ApiSubmission.Payload"/>, parsed,
    /// ready to edit, check (<see cref="Validate()"/>) and send (<see cref="ApiSubmissionsClient.SubmitConversionAsync"/>).
    /// <see cref="ApiSubmissionsClient.ResubmitAsync"/> does all of that in one call; this is its first step, for a
    /// caller that shows the edited payload, or its problems, before anything is sent.
    /// </summary>
    /// <param name="submission">The submission to send again, usually one that failed.</param>
    /// <returns>A new payload; editing it leaves <paramref name="submission"/> as it is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="submission"/> is null.</exception>
    /// <exception cref="ArgumentException">The submission is not a conversion, or has no payload.</exception>
    public static SubmissionPayload ForResubmission(ApiSubmission submission)
    {
        if (submission is null)
        {
            throw new ArgumentNullException(nameof(submission));
        }

        // Modifications and reversals go through other endpoints; sending their payload as a conversion would create one.
        if (submission.Type is { } type && type != SubmissionType.Conversion)
        {
            throw new ArgumentException($"Submission {submission.BatchId} is a {type}, not a conversion: only conversions can be sent again.", nameof(submission));
        }

        if (string.IsNullOrEmpty(submission.Payload))
        {
            throw new ArgumentException($"Submission {submission.BatchId} has no payload to send again.", nameof(submission));
        }

        return submission.ParsePayload();
    }
}
