using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

/// <summary>What the application does with each event of the watch that <c>AddImpactSubmissionWatch</c> runs.</summary>
public interface ISubmissionEventHandler
{
    /// <summary>
    /// Handles one event. The event is marked reported when this returns; if it throws, the watch starts again after
    /// its interval and hands the same event again (at-least-once: <see cref="SubmissionEvent.Key"/> identifies a repeat).
    /// </summary>
    /// <param name="submissionEvent">The event.</param>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(SubmissionEvent submissionEvent, CancellationToken cancellationToken);
}
