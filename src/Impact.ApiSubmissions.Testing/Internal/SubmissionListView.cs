using System.Collections;
using System.Collections.Generic;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>A read-only view of the stored submissions as DTOs, built one element at a time on demand.</summary>
internal sealed class SubmissionListView : IReadOnlyList<ApiSubmission>
{
    private readonly IReadOnlyList<StoredSubmission> _submissions;

    public SubmissionListView(IReadOnlyList<StoredSubmission> submissions)
    {
        _submissions = submissions;
    }

    public int Count => _submissions.Count;

    public ApiSubmission this[int index] => _submissions[index].Current;

    public IEnumerator<ApiSubmission> GetEnumerator()
    {
        foreach (var submission in _submissions)
        {
            yield return submission.Current;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
