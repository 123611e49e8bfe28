using System;
using System.Collections.Generic;
using System.Text;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// <c>POST /Advertisers/{AccountSID}/Conversions</c>: refuses a conversion that fails validation with 400 and every
/// problem, or queues it as a submission that progresses with each get (see <see cref="MockConversionRules"/>).
/// </summary>
internal sealed class ConversionIntake(SubmissionStore store, SubmissionDefaults defaults, TimeProvider time, int seed)
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    private readonly object _gate = new();
    private DeterministicRandom _batchIds = NewBatchIdSource(seed);

    public MockConversionRules Rules { get; } = new();

    /// <summary>Whether the path segments name the Conversions resource: <c>Advertisers/{AccountSID}/Conversions</c>.</summary>
    public static bool IsConversionsPath(string[] segments) =>
        segments.Length == 3
        && segments[0].Equals("Advertisers", StringComparison.OrdinalIgnoreCase)
        && segments[2].Equals("Conversions", StringComparison.OrdinalIgnoreCase);

    public MockResponse Post(IReadOnlyDictionary<string, string> headers, byte[]? body)
    {
        if (!headers.TryGetValue("Content-Type", out var contentType)
            || !contentType.Split(';')[0].Trim().Equals(FormContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Rejected(new[] { ("Content-Type", $"The body must be {FormContentType}.") });
        }

        // Kept exactly as sent: the submission's Payload is this text.
        string text = body is null ? string.Empty : Encoding.UTF8.GetString(body);
        var payload = SubmissionPayload.Parse(text);
        var problems = payload.Validate();
        if (problems.Count > 0)
        {
            var errors = new List<(string, string)>();
            foreach (var problem in problems)
            {
                errors.Add((problem.Key, problem.Message));
            }

            return Rejected(errors);
        }

        lock (_gate)
        {
            var outcome = Rules.Decide(payload, store.All);
            var batchId = NextBatchId();
            var submitted = AccountClock.ToAccountTime(time.GetUtcNow());
            var final = new ApiSubmission
            {
                BatchId = batchId,
                AccountId = defaults.AccountId,
                SubmissionDate = submitted,
                CampaignId = payload.CampaignId,
                ActionTrackerId = outcome.ActionTrackerId,
                MediaPartnerId = outcome.MediaPartnerId,
                EventCode = payload.EventTypeCode,
                OrderId = payload.OrderId,
                Payload = text,
                Type = SubmissionType.Conversion,
                Status = SubmissionStatus.Complete,
                CompletionDate = submitted, // stamped when it is first seen complete
                ErrorType = outcome.ErrorType is null ? (SubmissionErrorType?)null : new SubmissionErrorType(outcome.ErrorType),
                ErrorReason = outcome.ErrorReason,
                Uri = defaults.UriFor(batchId),
            };
            store.Add(new ProgressingSubmission(final, getsPerStatus: 1, completedAt: () => time.GetUtcNow()));
            return new MockResponse(200, Queued(defaults.UriFor(batchId)));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            Rules.Reset();
            _batchIds = NewBatchIdSource(seed);
        }
    }

    // BatchIds follow from the seed, so the same requests get the same answers (the contract stubs rely on it).
    private static DeterministicRandom NewBatchIdSource(int seed) => new(seed ^ 0x5EED_C0DEL);

    private string NextBatchId()
    {
        string batchId;
        do
        {
            batchId = BatchIds.Next(_batchIds);
        }
        while (store.TryFind(batchId, out _));

        return batchId;
    }

    private static byte[] Queued(string queuedUri) => WireJson.Object(writer =>
    {
        WireJson.Property(writer, "Status", "QUEUED");
        WireJson.Property(writer, "QueuedUri", queuedUri);
    });

    /// <summary>impact.com's answer to a conversion that fails validation: lower-case keys, one entry per problem.</summary>
    private static MockResponse Rejected(IEnumerable<(string Field, string Message)> errors) => new(400, WireJson.Object(writer =>
    {
        WireJson.Property(writer, "Status", "ERROR");
        writer.WritePropertyName("errors");
        writer.WriteStartArray();
        foreach (var (field, message) in errors)
        {
            writer.WriteStartObject();
            WireJson.Property(writer, "field", field);
            WireJson.Property(writer, "level", "ERROR");
            WireJson.Property(writer, "message", message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }));
}
