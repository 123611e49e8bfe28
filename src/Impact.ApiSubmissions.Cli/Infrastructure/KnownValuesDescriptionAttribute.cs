using System.Collections;
using System.ComponentModel;
using System.Reflection;

namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>
/// An option's help text that lists an extensible enum's <c>KnownValues</c> (generated from the spec),
/// so <c>--help</c> follows a spec edit. Values with a space are quoted.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class KnownValuesDescriptionAttribute : DescriptionAttribute
{
    private readonly Type _enumType;
    private readonly string _format;

    /// <param name="enumType">A generated extensible enum, e.g. <see cref="SubmissionStatus"/>.</param>
    /// <param name="format">The help text; <c>{0}</c> becomes the known values, comma-separated.</param>
    public KnownValuesDescriptionAttribute(Type enumType, string format)
    {
        _enumType = enumType;
        _format = format;
    }

    public override string Description => string.Format(System.Globalization.CultureInfo.InvariantCulture, _format, string.Join(", ", Values()));

    private System.Collections.Generic.IEnumerable<string> Values()
    {
        var known = (IEnumerable)_enumType.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return known.Cast<object>().Select(v => v.ToString()!).Select(v => v.Contains(' ', StringComparison.Ordinal) ? "\"" + v + "\"" : v);
    }
}
