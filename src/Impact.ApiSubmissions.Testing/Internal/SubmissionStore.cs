using System.Collections.Generic;
using System.Linq;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>The server's API submissions in list order: the seeded data set, then those a test added.</summary>
internal sealed class SubmissionStore : RecordStore<StoredSubmission>
{
    public SubmissionStore(IEnumerable<ApiSubmission> seeded)
        : base(seeded.Select(s => (StoredSubmission)new FixedSubmission(s)), s => s.BatchId, "a submission")
    {
    }
}
