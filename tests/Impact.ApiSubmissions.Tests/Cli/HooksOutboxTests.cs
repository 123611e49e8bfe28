using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Cli.Connection;
using Impact.ApiSubmissions.Tests.Sync;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>Where <c>watch</c> keeps the events still to hand to <c>--exec</c>/<c>--webhook</c>: one outbox per database and account, for SQLite and PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HooksOutboxTests : IDisposable
{
    private const string Event = "{\"event\":\"failed\",\"key\":\"failed:A-1\"}";
    private readonly PostgresServer _server;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "impact-outbox-" + Guid.NewGuid().ToString("N"));

    public HooksOutboxTests(PostgresServer server)
    {
        _server = server;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Watches_of_two_accounts_into_one_SQLite_file_keep_an_outbox_each_beside_it()
    {
        var file = Path.Combine(_folder, "impact.db");
        await using var database = await SyncDatabase.OpenAsync(file, demo: false, CancellationToken.None);

        var first = database.HooksOutbox("IRFirst", _ => null);
        var second = database.HooksOutbox("IRSecond", _ => null);

        first.Should().Be(file + ".IRFirst.hooks.jsonl");
        second.Should().Be(file + ".IRSecond.hooks.jsonl");
    }

    [Fact]
    public async Task A_PostgreSQL_database_has_an_outbox_per_account_in_the_state_folder_that_a_hook_writes_before_it_answers()
    {
        var connectionString = await _server.CreateDatabaseAsync();
        await using var database = await SyncDatabase.OpenAsync(connectionString, demo: false, CancellationToken.None);
        Func<string, string?> variables = name => name == "XDG_STATE_HOME" ? _folder : null;

        var outbox = database.HooksOutbox("IRAcme", variables)!;

        outbox.Should().NotBeNull("a watch into PostgreSQL keeps its hooks' events across a kill too");
        Path.GetDirectoryName(outbox).Should().Be(Path.Combine(_folder, "impact-submissions"));
        Path.GetFileName(outbox).Should().EndWith(".IRAcme.hooks.jsonl")
            .And.Contain(_server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.NotContainAny("/", ":", " ");
        database.HooksOutbox("IROther", variables).Should().NotBe(outbox);

        // The state folder does not exist yet: the first event creates it.
        (await EventHooksTests.OutboxWhileTheHookWorksAsync(outbox, Event)).Should().Equal(Event);

        File.Exists(outbox).Should().BeFalse("the event was handed on");
    }

    [Fact]
    public async Task The_demos_temporary_database_has_no_outbox()
    {
        await using var database = await SyncDatabase.OpenAsync(null, demo: true, CancellationToken.None);

        database.HooksOutbox("IRAcme", _ => null).Should().BeNull();
    }
}
