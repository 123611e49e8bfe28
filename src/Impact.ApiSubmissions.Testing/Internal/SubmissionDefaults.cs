using System;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>What a submission takes from its account when a builder leaves a field unset.</summary>
internal sealed record SubmissionDefaults(string AccountSid, long AccountId, DateTimeOffset Now)
{
    public string UriFor(string batchId) => $"/Advertisers/{Uri.EscapeDataString(AccountSid)}/APISubmissions/{Uri.EscapeDataString(batchId)}";
}
