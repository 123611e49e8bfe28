using System;

namespace Impact.ApiSubmissions;

/// <summary>Where a stream's sync stands: the page to resume after, and how many passes have read it to the end.</summary>
/// <param name="continuationToken">The continuation token of the last page stored; null when the last pass ended.</param>
/// <param name="completedPasses">How many passes read the whole listing.</param>
/// <param name="updatedAt">When the bookmark was written.</param>
public sealed class SyncBookmark(string? continuationToken, long completedPasses, DateTimeOffset updatedAt)
{
    /// <summary>The continuation token of the last page stored, to resume an interrupted pass; null when the last pass ended.</summary>
    public string? ContinuationToken { get; } = continuationToken;

    /// <summary>How many passes read the whole listing to its last page.</summary>
    public long CompletedPasses { get; } = completedPasses;

    /// <summary>When the bookmark was written.</summary>
    public DateTimeOffset UpdatedAt { get; } = updatedAt;
}
