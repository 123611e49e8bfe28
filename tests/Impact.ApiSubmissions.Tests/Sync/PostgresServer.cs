using System.Threading.Tasks;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Sync;

/// <summary>
/// The store tests' PostgreSQL server (<see cref="ThrowawayPostgres"/>, durability off), one for the collection. If it
/// cannot start, every test of the collection fails with the reason: these tests are never skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private ThrowawayPostgres? _server;

    public int Port => Server.Port;

    public string Host => Server.Host;

    private ThrowawayPostgres Server => _server ?? throw new System.InvalidOperationException("The PostgreSQL server has not started.");

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    public string ConnectionString(string database) => Server.ConnectionString(database);

    public Task InitializeAsync()
    {
        _server = ThrowawayPostgres.Start(durable: false);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
