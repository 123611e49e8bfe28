using System;
using System.Collections.Generic;
using System.Linq;

namespace Impact.ApiSubmissions;

/// <summary>
/// A payload was not sent because <see cref="SubmissionPayload.Validate()"/> found problems: it names every
/// one at once, so all can be fixed before trying again. Nothing reached impact.com.
/// </summary>
/// <remarks>
/// An <see cref="ArgumentException"/> and not an <see cref="ImpactApiException"/>: the argument is at fault,
/// no request was made, and sending it again unchanged can never succeed.
/// </remarks>
public class PayloadValidationException : ArgumentException
{
    /// <summary>A payload refused for the problems given, e.g. to throw from a mocked client in your own tests.</summary>
    /// <param name="problems">The problems found; at least one.</param>
    /// <param name="paramName">The parameter that held the payload.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    public PayloadValidationException(IReadOnlyList<PayloadProblem> problems, string? paramName = null)
        : base(Describe(problems ?? throw new ArgumentNullException(nameof(problems))), paramName)
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order <see cref="SubmissionPayload.Validate()"/> reports them.</summary>
    public IReadOnlyList<PayloadProblem> Problems { get; }

    private static string Describe(IReadOnlyList<PayloadProblem> problems) =>
        $"The conversion was not sent: its payload has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}: "
        + string.Join(" ", problems.Select(p => p.Message));
}
