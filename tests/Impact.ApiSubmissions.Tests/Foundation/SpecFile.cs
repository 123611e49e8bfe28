using System;
using System.IO;
using System.Linq;

namespace Impact.ApiSubmissions.Tests.Foundation;

/// <summary>Locates files the tests read: the spec copied beside the test assembly, and fixtures.</summary>
internal static class SpecFile
{
    public static string SpecPath => Path.Combine(AppContext.BaseDirectory, "openapi", "impact-api-submissions.yaml");

    // The spec beside the test assembly does not change during a run: parsed once.
    private static readonly Lazy<Microsoft.OpenApi.Models.OpenApiDocument> Spec = new(() =>
    {
        using var stream = File.OpenRead(SpecPath);
        return new Microsoft.OpenApi.Readers.OpenApiStreamReader().Read(stream, out _);
    });

    /// <summary>The property names of one of the spec's component schemas, in the spec's order.</summary>
    public static string[] SchemaProperties(string schema) => Spec.Value.Components.Schemas[schema].Properties.Keys.ToArray();

    /// <summary>The enum values of one of the spec's component schemas, in the spec's order.</summary>
    public static string[] SchemaEnum(string schema) =>
        Spec.Value.Components.Schemas[schema].Enum.Cast<Microsoft.OpenApi.Any.OpenApiString>().Select(v => v.Value).ToArray();

    /// <summary>The spec's paths, as written in it (e.g. <c>/Advertisers/{AccountSID}/APISubmissions</c>).</summary>
    public static string[] Paths() => Spec.Value.Paths.Keys.ToArray();

    /// <summary>The names of every query parameter of every operation (components resolved).</summary>
    public static string[] QueryParameterNames() =>
        Spec.Value.Paths.Values
            .SelectMany(path => path.Parameters.Concat(path.Operations.Values.SelectMany(o => o.Parameters)))
            .Where(p => p.In == Microsoft.OpenApi.Models.ParameterLocation.Query)
            .Select(p => p.Name)
            .Distinct()
            .ToArray();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
