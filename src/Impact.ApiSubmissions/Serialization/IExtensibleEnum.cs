namespace Impact.ApiSubmissions.Serialization;

/// <summary>
/// Implemented by the SDK's extensible enums (<see cref="SubmissionStatus"/>, <see cref="SubmissionType"/>):
/// value types that keep any wire string the service sends.
/// </summary>
/// <typeparam name="T">The enum struct itself.</typeparam>
internal interface IExtensibleEnum<T>
    where T : struct
{
    /// <summary>Creates a value of <typeparamref name="T"/> from a wire string, kept exactly as given.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    T FromWire(string value);
}
