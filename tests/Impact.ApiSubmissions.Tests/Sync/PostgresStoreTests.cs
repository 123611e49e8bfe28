using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Storage;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Sync;

/// <summary>The store contract on a real PostgreSQL server (a throwaway one, see <see cref="PostgresServer"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests : StoreContractTests
{
    private readonly PostgresServer _server;

    public PostgresStoreTests(PostgresServer server) => _server = server;

    protected override string IndexNamesSql => "SELECT indexname FROM pg_indexes WHERE tablename = 'impact_submissions'";

    protected override Task<string> NewDatabaseAsync() => _server.CreateDatabaseAsync();

    protected override SqlSubmissionStore CreateUnmigratedStore(string database) => new PostgresSubmissionStore(database);

    protected override System.Data.Common.DbConnection Connect(string database) => new Npgsql.NpgsqlConnection(database);

    protected override string DatabaseOf(SqlSubmissionStore store) => _server.ConnectionString(((PostgresSubmissionStore)store).Description.Split('/').Last());

    protected override SqlSubmissionStore Reopen(SqlSubmissionStore store) => new PostgresSubmissionStore(DatabaseOf(store));

    [Fact]
    public async Task Three_accounts_synced_at_once_into_one_new_database_keep_every_row_once()
    {
        var database = await _server.CreateDatabaseAsync();
        var servers = Enumerable.Range(1, 3).Select(i => ImpactMockServer.Start(new ImpactMockServerOptions
        {
            Seed = 100 + i,
            SubmissionCount = 150 + (i * 25),
            AccountSid = "IRAccount" + i,
            AccountId = 20000 + i,
        })).ToList();
        try
        {
            // Each sync migrates the same new database at the same moment, as three processes would.
            await Task.WhenAll(servers.Select(async server =>
            {
                using var client = server.CreateClient();
                await using var store = new PostgresSubmissionStore(database);
                await store.MigrateAsync();
                await new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 20 }).RunPassAsync();
            }));

            await using var all = new PostgresSubmissionStore(database);
            foreach (var server in servers)
            {
                var rows = await all.ReadSubmissionsAsync(server.AccountSid).ToListAsync();
                rows.Select(r => r.BatchId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(server.Submissions.Select(s => s.BatchId));
            }

            (await all.CountSubmissionsAsync()).Should().Be(servers.Sum(s => s.Submissions.Count));
        }
        finally
        {
            servers.ForEach(s => s.Dispose());
        }
    }
}
