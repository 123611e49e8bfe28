using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Impact.ApiSubmissions.Tests.Generation;

/// <summary>
/// An edit of the spec reaches the code with no other edit: NSwag, run with the repository's nswag.json and templates on
/// an edited copy of the spec, emits a new conversion key's declaration and typed property (a type the payload model
/// cannot read stops the build), and a new operation's request builder and path template.
/// </summary>
public sealed class SpecGenerationTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "impact-generation-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public void Keys_added_to_the_conversion_schema_become_declarations_and_typed_properties()
    {
        string generated = Generate(@"        LoyaltyTier:
          type: string
          description: The customer's loyalty tier.
        LoyaltyPoints:
          type: number
          format: decimal
          x-money: true
          x-one-of: attribution
          description: Points spent, as money.
        ""ItemColor{i}"":
          type: integer
          format: int32
          description: The item's colour code.
");

        generated.Should().Contain("public static readonly PayloadKey<string> LoyaltyTier = Declare<string>(\"LoyaltyTier\", PayloadValueKind.Text, false, null);")
            .And.Contain("public static readonly PayloadKey<decimal> LoyaltyPoints = Declare<decimal>(\"LoyaltyPoints\", PayloadValueKind.Money, false, \"attribution\");")
            .And.Contain("public static readonly PayloadItemAttribute<int> Color = Declare<int>(\"Color\", PayloadValueKind.Int32, 0, null);")
            .And.Contain("/// <summary><c>LoyaltyTier</c>: The customer's loyalty tier.</summary>")
            .And.Contain("/// <summary><c>ItemColor{i}</c>: The item's colour code.</summary>");
        Regex.IsMatch(generated, @"public string\? LoyaltyTier\s*\{\s*get => Read\(PayloadKeys\.LoyaltyTier\);\s*set => Write\(PayloadKeys\.LoyaltyTier, value\);").Should().BeTrue();
        Regex.IsMatch(generated, @"public int\? Color\s*\{\s*get => Read\(PayloadItemAttributes\.Color\);").Should().BeTrue();
        generated.Should().NotContain("class SubmissionPayload\n    {\n        [Newtonsoft", "the conversion schema is not rendered as a DTO");
    }

    [Fact]
    public void A_key_of_a_type_the_payload_model_cannot_read_stops_the_build()
    {
        string generated = Generate(@"        Tags:
          type: array
          items:
            type: string
          description: Not a form value.
");

        generated.Should().Contain("#error The conversion key Tags has a type");
    }

    [Fact]
    public void A_get_operation_added_to_the_spec_becomes_a_request_the_pipeline_can_send_with_no_hand_written_path()
    {
        string generated = GenerateWith(spec =>
        {
            var paths = (YamlMappingNode)spec["paths"];
            var added = new YamlStream();
            added.Load(new StringReader(@"/Advertisers/{AccountSID}/Widgets/{WidgetId}:
  parameters:
    - $ref: '#/components/parameters/AccountSID'
    - name: WidgetId
      in: path
      required: true
      schema:
        type: string
  get:
    operationId: GetWidget
    summary: Get a widget
    parameters:
      - name: Since
        in: query
        schema:
          type: string
          format: date-time
      - name: Color
        in: query
        schema:
          type: string
    responses:
      '200':
        description: The widget.
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/ApiSubmission'
"));
            foreach (var path in ((YamlMappingNode)added.Documents[0].RootNode).Children)
            {
                paths.Children.Add(path.Key, path.Value);
            }
        });

        generated.Should().Contain("internal const string GetWidgetPath = \"Advertisers/{AccountSID}/Widgets/{WidgetId}\";")
            .And.Contain("path_.Replace(\"{WidgetId}\", Impact.ApiSubmissions.Http.ImpactRequest.Segment(widgetId, \"widgetId\"));")
            .And.Contain("Impact.ApiSubmissions.Http.ImpactRequest.Query(path_, \"Since\", since?.ToString(\"yyyy-MM-dd'T'HH:mm:sszzz\", System.Globalization.CultureInfo.InvariantCulture));")
            .And.Contain("Impact.ApiSubmissions.Http.ImpactRequest.Query(path_, \"Color\", Impact.ApiSubmissions.Http.ImpactRequest.Text(color));");
        Regex.IsMatch(generated, @"internal static Impact\.ApiSubmissions\.Http\.ImpactRequest<ApiSubmission> CreateGetWidgetRequest\(string accountSID, string widgetId, System\.DateTimeOffset\? since = null, string\? color = null\)")
            .Should().BeTrue("a one-line public method sends Rest.GetAsync(ImpactRequests.CreateGetWidgetRequest(sid, id), id, ct)");
        Regex.IsMatch(generated, @"PathTemplates = \{[^}]*GetWidgetPath[^}]*\}").Should().BeTrue("the gate lets credentials go to the new path");
    }

    private string Generate(string properties) => GenerateWith(root =>
    {
        var schemas = (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];
        var conversion = schemas.Children.Values.OfType<YamlMappingNode>()
            .Single(schema => schema.Children.TryGetValue(new YamlScalarNode("x-payload-keys"), out var marker) && marker.ToString() == "true");
        var existing = (YamlMappingNode)conversion["properties"];
        var added = new YamlStream();
        added.Load(new StringReader(properties));
        var position = 0;
        foreach (var property in ((YamlMappingNode)added.Documents[0].RootNode).Children)
        {
            existing.Children.Insert(position++, property.Key, property.Value);
        }
    });

    // Runs NSwag with the repository's nswag.json and templates on a copy of the spec after an edit.
    private string GenerateWith(Action<YamlMappingNode> edit)
    {
        string root = RepositoryRoot();
        Directory.CreateDirectory(Path.Combine(_work, "openapi"));
        CopyDirectory(Path.Combine(root, "src", "Impact.ApiSubmissions", "Templates"), Path.Combine(_work, "src", "Impact.ApiSubmissions", "Templates"));
        File.Copy(Path.Combine(root, "nswag.json"), Path.Combine(_work, "nswag.json"));

        // The copy is read, edited and written as YAML (by
        // YamlDotNet, which formats it its own way), so neither the spec's layout nor its text is relied on.
        var spec = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(root, "openapi", "impact-api-submissions.yaml")))
        {
            spec.Load(reader);
        }

        edit((YamlMappingNode)spec.Documents[0].RootNode);

        using (var writer = new StreamWriter(Path.Combine(_work, "openapi", "impact-api-submissions.yaml")))
        {
            spec.Save(writer, assignAnchors: false);
        }

        string output = Path.Combine(_work, "out.g.cs");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { NSwagCommand(root), "run", "nswag.json", "/variables:OutputFile=" + output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, log);
        return File.ReadAllText(output).Replace("\r\n", "\n");
    }

    /// <summary>NSwag.MSBuild's command, at the version Directory.Packages.props pins, from the NuGet package folder.</summary>
    private static string NSwagCommand(string root)
    {
        string props = File.ReadAllText(Path.Combine(root, "Directory.Packages.props"));
        string version = Regex.Match(props, "Include=\"NSwag.MSBuild\" Version=\"([^\"]+)\"").Groups[1].Value;
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string command = Path.Combine(packages, "nswag.msbuild", version, "tools", "Net100", "dotnet-nswag.dll");
        File.Exists(command).Should().BeTrue($"NSwag.MSBuild {version} is restored (the SDK project's build restores it) at {command}");
        return command;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Generated.sln) is not above the test assembly.");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
