using System;

namespace Impact.ApiSubmissions;

/// <summary>What a store knows of one submission that decides which events a new read of it makes.</summary>
public sealed class StoredSubmissionState
{
    /// <summary>Creates a state.</summary>
    /// <param name="batchId">The BatchId.</param>
    /// <param name="status">The status as stored (<c>Queued</c>, <c>In Progress</c>, <c>Complete</c>, or a newer value).</param>
    /// <param name="hasErrors">Whether it was stored with an ErrorType or an ErrorReason.</param>
    /// <param name="orderId">Its OrderId, if any.</param>
    /// <param name="submissionDate">When it was submitted, if known.</param>
    public StoredSubmissionState(string batchId, string? status, bool hasErrors, string? orderId, DateTimeOffset? submissionDate)
    {
        BatchId = batchId ?? throw new ArgumentNullException(nameof(batchId));
        Status = status;
        HasErrors = hasErrors;
        OrderId = orderId;
        SubmissionDate = submissionDate;
    }

    /// <summary>The BatchId.</summary>
    public string BatchId { get; }

    /// <summary>The status as stored.</summary>
    public string? Status { get; }

    /// <summary>Whether it was stored with errors.</summary>
    public bool HasErrors { get; }

    /// <summary>Its OrderId, if any.</summary>
    public string? OrderId { get; }

    /// <summary>When it was submitted, if known.</summary>
    public DateTimeOffset? SubmissionDate { get; }

    /// <summary>True while the stored status is Queued or In Progress.</summary>
    public bool IsPending => Status == SubmissionStatus.Queued.ToString() || Status == SubmissionStatus.InProgress.ToString();
}
