using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Impact.ApiSubmissions.Tests.Foundation;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>The spec, read once, and its operations with what identifies them on the wire.</summary>
internal static class SpecOperations
{
    private static readonly Lazy<OpenApiDocument> Spec = new(() =>
    {
        using var stream = File.OpenRead(SpecFile.SpecPath);
        return new OpenApiStreamReader().Read(stream, out _);
    });

    public sealed record SpecOperation(string OperationId, string PathTemplate, OperationType Method, OpenApiOperation Operation)
    {
        /// <summary>Matches a concrete path of this operation, e.g. <c>/Advertisers/IRx/APISubmissions</c>.</summary>
        public Regex PathPattern { get; } = new("^" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[^/]+?\}", "[^/]+") + "$");

        /// <summary>A concrete path built from the spec's parameter examples.</summary>
        public string ExamplePath => Regex.Replace(PathTemplate, @"\{([^/]+?)\}", m =>
            ((Microsoft.OpenApi.Any.OpenApiString)AllParameters.Single(p => p.Name == m.Groups[1].Value).Example).Value);

        private IEnumerable<OpenApiParameter> AllParameters =>
            Document.Paths[PathTemplate].Parameters.Concat(Operation.Parameters);
    }

    public static OpenApiDocument Document => Spec.Value;

    public static WireValidator Validator { get; } = new(Spec.Value);

    public static IReadOnlyList<SpecOperation> All { get; } = Spec.Value.Paths
        .SelectMany(path => path.Value.Operations.Select(op => new SpecOperation(op.Value.OperationId, path.Key, op.Key, op.Value)))
        .ToList();

    public static SpecOperation Find(string operationId) =>
        All.SingleOrDefault(o => o.OperationId == operationId) ?? throw new KeyNotFoundException($"The spec has no operation '{operationId}'.");
}
