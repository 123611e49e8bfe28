using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>
/// One code from a submission's space-separated <c>ErrorReason</c>, e.g. <see cref="ContractNotFound"/>.
/// The known codes and their descriptions are generated from the spec's <c>ErrorReason</c> schema;
/// a code impact.com adds later, or free text where impact.com writes one (an FTP line's <c>Reason</c> may read
/// <c>Invalid date format</c>), is kept as sent, with no description.
/// </summary>
public readonly partial struct ErrorReason
{
    private static readonly char[] Separators = { ' ', '\t', '\r', '\n', '\f', '\v' };

    /// <summary>The code as sent, e.g. <c>CONTRACT_NOT_FOUND</c>.</summary>
    public string Code => ToString();

    /// <summary>
    /// Splits an <c>ErrorReason</c> field into its codes, in order. Any run of ASCII white space (space, tab, line breaks) separates;
    /// null, empty or blank text gives an empty list. Unknown codes are kept as sent, other white space (such as a
    /// no-break space) included.
    /// </summary>
    /// <param name="errorReason">The field's text, e.g. <c>CONTRACT_NOT_FOUND RESTRICTED_PROMOCODE</c>.</param>
    /// <returns>The codes, possibly none.</returns>
    public static IReadOnlyList<ErrorReason> ParseList(string? errorReason)
    {
        if (string.IsNullOrEmpty(errorReason))
        {
            return Array.Empty<ErrorReason>();
        }

        var words = errorReason!.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var reasons = new ErrorReason[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            reasons[i] = new ErrorReason(words[i]);
        }

        return reasons;
    }
}
