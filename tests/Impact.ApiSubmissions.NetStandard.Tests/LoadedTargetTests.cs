using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests;

public class LoadedTargetTests
{
    [Fact]
    public void The_tests_run_against_the_netstandard20_build_of_the_sdk()
    {
        var expected = typeof(LoadedTargetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ExpectedSdkTarget").Value;

        typeof(ApiSubmissionsClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName.Should().Be(expected);
    }
}
