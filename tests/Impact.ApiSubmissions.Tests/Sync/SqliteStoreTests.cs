using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    protected override string IndexNamesSql => "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'impact_submissions'";

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));

    protected override SqlSubmissionStore CreateUnmigratedStore(string database) => new SqliteSubmissionStore(database);

    protected override System.Data.Common.DbConnection Connect(string database) => new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + database);

    protected override string DatabaseOf(SqlSubmissionStore store) => ((SqliteSubmissionStore)store).Path;

    protected override SqlSubmissionStore Reopen(SqlSubmissionStore store) => new SqliteSubmissionStore(DatabaseOf(store));

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

    [Fact]
    public void A_field_the_model_names_beyond_the_columns_is_found()
    {
        // Whether today's model has such a field depends on the spec (the regeneration drill adds some): this checks the rule.
        SqlSubmissionStore.FieldsNotInColumns(typeof(SubmissionWithANewField)).Should().Equal("ReviewedBy");
    }

    [Fact]
    public async Task A_record_with_no_field_beyond_the_columns_is_stored_without_its_wire_json_and_read_back_whole()
    {
        await using var store = await CreateStoreAsync();
        var plain = Impact.ApiSubmissions.Serialization.ImpactJson.Deserialize<ApiSubmission>(
            "{\"BatchId\":\"A-p1a1n000-0000-4000-8000-000000000001\",\"Status\":\"Complete\",\"CampaignId\":\"1000\",\"SubmissionDate\":\"2026-11-30T12:00:00-08:00\"}");
        var extra = Impact.ApiSubmissions.Serialization.ImpactJson.Deserialize<ApiSubmission>(
            "{\"BatchId\":\"A-p1a1n000-0000-4000-8000-000000000002\",\"Status\":\"Complete\",\"ReviewedBy\":\"ops-team\"}");

        await store.SaveAsync(new SyncWrite("IRwire", SubmissionSync.SubmissionsStream, new[] { plain, extra }, Array.Empty<SubmissionEvent>(), false, null, DateTimeOffset.UtcNow));

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + ((SqliteSubmissionStore)store).Path))
        {
            await connection.OpenAsync();
            await using var command = new Microsoft.Data.Sqlite.SqliteCommand("SELECT batch_id, wire IS NULL FROM impact_submissions ORDER BY batch_id", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var wireless = new List<(string, long)>();
            while (await reader.ReadAsync())
            {
                wireless.Add((reader.GetString(0), reader.GetInt64(1)));
            }

            // The plain record needs no wire JSON, unless the model itself names a field the columns do not hold (a spec
            // regenerated with a new field): then every record keeps it, so that nothing the spec names is lost.
            var modelFitsColumns = SqlSubmissionStore.FieldsNotInColumns(typeof(ApiSubmission)).Count == 0;
            wireless.Should().Equal((plain.BatchId!, modelFitsColumns ? 1L : 0L), (extra.BatchId!, 0L));
        }

        var back = (await store.ReadSubmissionsAsync("IRwire").ToListAsync()).ToDictionary(s => s.BatchId!);
        Impact.ApiSubmissions.Serialization.ImpactJson.Serialize(back[plain.BatchId!]).Should().Be(Impact.ApiSubmissions.Serialization.ImpactJson.Serialize(plain));
        back[extra.BatchId!].AdditionalFields.Should().Contain("ReviewedBy", "ops-team");
    }

    // A model as a regenerated spec would make it: one field more than the columns hold.
    private sealed class SubmissionWithANewField
    {
        public string? BatchId { get; set; }

        public string? Status { get; set; }

        public string? ReviewedBy { get; set; }

        [Newtonsoft.Json.JsonIgnore]
        public bool Ignored { get; set; }
    }
}
