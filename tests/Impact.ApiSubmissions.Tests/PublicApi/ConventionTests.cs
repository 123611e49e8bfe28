using System;
using System.CodeDom.Compiler;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Impact.ApiSubmissions.Tests.PublicApi;

/// <summary>
/// Rules the public surface keeps, checked over every public type (as Octokit keeps its conventions):
/// response models are read-only, collections handed out are read-only, and no dependency's type
/// (Newtonsoft, NSwag, NJsonSchema, Polly) appears in a public or protected signature. Attributes aside.
/// </summary>
public class ConventionTests
{
    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] ForeignNamespaces = { "Newtonsoft", "NSwag", "NJsonSchema", "Polly" };

    private static readonly Assembly[] Libraries =
    {
        typeof(ApiSubmissionsClient).Assembly,
        typeof(ImpactMockServer).Assembly,
        typeof(ImpactApiSubmissionsServiceCollectionExtensions).Assembly,
        typeof(Impact.ApiSubmissions.Storage.SqlSubmissionStore).Assembly,
    };

    // Generated from the spec's schemas, plus the hand-written views of what impact.com sent.
    private static readonly Type[] HandWrittenResponseModels =
    {
        typeof(ImpactPageInfo), typeof(RateLimitState), typeof(ApiRequestLogEntry), typeof(PayloadProblem), typeof(ReceivedRequest),
    };

    public static IEnumerable<object[]> ResponseModels() =>
        typeof(ApiSubmissionsClient).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.GetCustomAttributes<GeneratedCodeAttribute>().Any(a => a.Tool == "NJsonSchema"))
            .Concat(HandWrittenResponseModels)
            .Select(t => new object[] { t });

    public static IEnumerable<object[]> PublicTypes() =>
        Libraries.SelectMany(a => a.GetExportedTypes()).Select(t => new object[] { t });

    [Fact]
    public void The_generated_response_models_are_found()
    {
        ResponseModels().Select(r => (Type)r[0]).Should().Contain(new[] { typeof(ApiSubmission), typeof(ImpactPageInfo), typeof(ImpactError), typeof(ImpactFieldError) });
    }

    [Theory]
    [MemberData(nameof(ResponseModels))]
    public void Response_models_have_no_public_setter_and_no_public_constructor(Type model)
    {
        model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } || p.SetMethod is { IsFamily: true } || p.SetMethod is { IsFamilyOrAssembly: true })
            .Select(p => p.Name)
            .Should().BeEmpty("{0} is read from impact.com; users build one with ApiSubmissionsModelFactory", model.Name);
        model.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void Collections_handed_out_are_read_only(Type type)
    {
        var offenders = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(p => (p.Name, Type: p.PropertyType))
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName)
                .Select(m => (m.Name, Type: m.ReturnType)))
            .Where(member => IsMutableCollection(member.Type))
            .Select(member => $"{type.Name}.{member.Name}: {member.Type}");

        offenders.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void No_dependency_type_appears_in_a_public_signature(Type type)
    {
        var offenders = Signature(type).Where(IsForeign).Select(t => t.FullName ?? t.Name).Distinct();

        offenders.Should().BeEmpty("{0} is public: Newtonsoft, NSwag and Polly stay implementation details", type.FullName);
    }

    [Fact]
    public void The_signature_walk_finds_a_dependency_type()
    {
        // The rule above can fail: a public member of Newtonsoft's own serializer settings is found.
        Signature(typeof(SignatureProbe)).Should().Contain(t => IsForeign(t));
    }

    [Fact]
    public void Extensible_enums_hide_equals_object_and_get_hash_code()
    {
        var enums = typeof(ApiSubmissionsClient).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && t.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) is not null)
            .ToList();

        enums.Should().Contain(new[] { typeof(SubmissionStatus), typeof(SubmissionType), typeof(SubmissionErrorType), typeof(ErrorReason) });
        foreach (var type in enums)
        {
            foreach (var method in new[] { type.GetMethod("Equals", new[] { typeof(object) })!, type.GetMethod("GetHashCode", Type.EmptyTypes)! })
            {
                method.GetCustomAttribute<EditorBrowsableAttribute>()?.State.Should().Be(EditorBrowsableState.Never, "{0}.{1}", type.Name, method.Name);
                method.GetCustomAttribute<EditorBrowsableAttribute>().Should().NotBeNull("{0}.{1} is hidden from IntelliSense", type.Name, method.Name);
            }
        }
    }

    private static bool IsForeign(Type type) =>
        type.Namespace is { } ns && ForeignNamespaces.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal));

    private static bool IsMutableCollection(Type type)
    {
        // Microsoft.Extensions' convention: an Add* extension hands the service collection back for chaining.
        if (type == typeof(string) || type == typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        if (type.IsArray)
        {
            return true;
        }

        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return definition != typeof(IEnumerable<>) && definition != typeof(IReadOnlyList<>) && definition != typeof(IReadOnlyCollection<>)
            && definition != typeof(IReadOnlyDictionary<,>) && type != typeof(IEnumerable);
    }

    // Every type a caller can see through this type: base types, interfaces, and the types of its public and protected members.
    private static IEnumerable<Type> Signature(Type type)
    {
        var seen = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            seen.Add(baseType);
        }

        seen.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic));
        foreach (var member in type.GetMembers(Visible))
        {
            switch (member)
            {
                case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                    seen.Add(f.FieldType);
                    break;
                case PropertyInfo p when p.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly):
                    seen.Add(p.PropertyType);
                    break;
                case MethodBase m when m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly:
                    seen.AddRange(m.GetParameters().Select(p => p.ParameterType));
                    if (m is MethodInfo method)
                    {
                        seen.Add(method.ReturnType);
                    }

                    break;
                case EventInfo e when e.AddMethod is { IsPublic: true } or { IsFamily: true }:
                    seen.Add(e.EventHandlerType!);
                    break;
            }
        }

        return seen.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType ? new[] { type }.Concat(type.GetGenericArguments().SelectMany(Expand)) : new[] { type };
    }

    private sealed class SignatureProbe
    {
        public Newtonsoft.Json.JsonSerializerSettings Settings { get; } = new();
    }
}
