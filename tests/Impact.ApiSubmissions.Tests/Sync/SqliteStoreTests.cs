using System;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Storage;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Sync;

/// <summary>The store contract on a real SQLite file in a temporary folder.</summary>
public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "impact-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    public SqliteStoreTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected override async Task<SqlSubmissionStore> CreateStoreAsync()
    {
        var store = new SqliteSubmissionStore(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));
        await store.MigrateAsync();
        return store;
    }

    protected override SqlSubmissionStore Reopen(SqlSubmissionStore store) => new SqliteSubmissionStore(((SqliteSubmissionStore)store).Path);

    [Fact]
    public async Task A_file_in_a_folder_that_does_not_exist_is_a_clear_error()
    {
        await using var store = new SqliteSubmissionStore(Path.Combine(_folder, "missing", "x.db"));
        var migrate = () => store.MigrateAsync();
        (await migrate.Should().ThrowAsync<IOException>()).WithMessage("*folder does not exist*");
    }

    [Fact]
    public void A_db_value_names_its_store()
    {
        SubmissionStores.Open(Path.Combine(_folder, "a.db")).Should().BeOfType<SqliteSubmissionStore>();
        using var pg = SubmissionStores.Open("postgresql://me:secret@127.0.0.1:5999/impact");
        pg.Should().BeOfType<PostgresSubmissionStore>().Which.ToString().Should().Be("PostgreSQL 127.0.0.1:5999/impact").And.NotContain("secret");
        SubmissionStores.Open("Host=db;Database=impact").Should().BeOfType<PostgresSubmissionStore>();
    }
}
