using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class SharedMockServerTests
{
    [Fact]
    public async Task The_second_test_of_a_class_gets_the_same_server_as_the_first_left_it_after_Start()
    {
        using var shared = new SharedMockServer();
        var options = new ImpactMockServerOptions { Seed = 4, SubmissionCount = 3 };

        var first = shared.StartOrReset(options);
        first.Add(new ApiSubmissionBuilder());
        first.FailNext(1);
        using (var http = first.CreateHttpClient())
        {
            (await http.GetAsync(first.ListPath().TrimStart('/'))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        var second = shared.StartOrReset(options);

        second.Should().BeSameAs(first);
        second.RequestCount.Should().Be(0);
        second.Submissions.Should().HaveCount(3);
        using (var http = second.CreateHttpClient())
        {
            (await http.GetAsync(second.ListPath().TrimStart('/'))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
