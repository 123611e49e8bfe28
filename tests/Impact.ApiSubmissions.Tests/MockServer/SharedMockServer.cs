using System;
using Impact.ApiSubmissions.Testing;

namespace Impact.ApiSubmissions.Tests.MockServer;

/// <summary>
/// One mock server for one test class (<c>IClassFixture&lt;SharedMockServer&gt;</c>): the class's first test starts it,
/// every later test gets it back after <see cref="ImpactMockServer.Reset"/>, so each test sees the generated data set,
/// no scenario and an empty request log. xUnit runs the tests of a class one after the other and classes in parallel:
/// never share one instance across classes. A test that stops the server, owns its clock or starts live traffic
/// (which Reset does not stop) starts a server of its own.
/// </summary>
public sealed class SharedMockServer : IDisposable
{
    private ImpactMockServer? _server;

    /// <summary>Starts the server with <paramref name="options"/> the first time; later, resets it and returns it.</summary>
    /// <param name="options">The class's options; the same every time (later calls do not read them).</param>
    /// <returns>The class's server, as <see cref="ImpactMockServer.Start(ImpactMockServerOptions)"/> left it.</returns>
    public ImpactMockServer StartOrReset(ImpactMockServerOptions options)
    {
        if (_server is null)
        {
            _server = ImpactMockServer.Start(options);
        }
        else
        {
            _server.Reset();
        }

        return _server;
    }

    /// <inheritdoc />
    public void Dispose() => _server?.Dispose();
}
