using System;
using System.IO;

namespace Impact.ApiSubmissions.Tests.Foundation;

/// <summary>Locates files the tests read: the spec copied beside the test assembly, and fixtures.</summary>
internal static class SpecFile
{
    public static string SpecPath => Path.Combine(AppContext.BaseDirectory, "openapi", "impact-api-submissions.yaml");

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
