using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Impact.ApiSubmissions.Testing;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>
/// <c>mock</c>: runs the fake impact.com (the Testing package's mock, or WireMock mapping files) until Ctrl+C,
/// so a client in any language can be pointed at it.
/// </summary>
internal sealed class MockCommand : AsyncCommand<MockSettings>
{
    private readonly CliEnvironment _environment;

    public MockCommand(CliEnvironment environment) => _environment = environment;

    public override async Task<int> ExecuteAsync(CommandContext context, MockSettings settings)
    {
        var port = CountArgument.Parse("--port", settings.Port, 0, 65535) ?? 0;
        var host = string.IsNullOrWhiteSpace(settings.Host) ? "127.0.0.1" : settings.Host.Trim();
        var output = _environment.RawOut;

        IDisposable server;
        try
        {
            // WireMock reports a port in use only after its start timeout (10 s): find out at once.
            if (port > 0 && IPAddress.TryParse(host, out var address))
            {
                var probe = new System.Net.Sockets.TcpListener(address, port);
                probe.Start();
                probe.Stop();
            }

            server = settings.Mappings is null ? StartMock(settings, host, port, output) : StartMappings(settings.Mappings, host, port, output);
        }
        catch (Exception e) when (e is not UsageException && CannotListen(e))
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"Cannot listen on {host}:{port.ToString(CultureInfo.InvariantCulture)}: the port is in use or the address is not this machine's. Pick another --port, or 0 for a free one.", e);
        }

        using (server)
        {
            await output.WriteLineAsync("Press Ctrl+C to stop.");
            await output.FlushAsync();
            try
            {
                await Task.Delay(Timeout.Infinite, _environment.Cancellation);
            }
            catch (OperationCanceledException) when (_environment.Cancellation.IsCancellationRequested)
            {
            }
        }

        await output.WriteLineAsync("Stopped.");
        return ExitCodes.Success;
    }

    private static IDisposable StartMock(MockSettings settings, string host, int port, TextWriter output)
    {
        var options = new ImpactMockServerOptions
        {
            Port = port,
            Host = host,
            Seed = CountArgument.Parse("--seed", settings.Seed, int.MinValue, int.MaxValue) ?? 1,
            SubmissionCount = CountArgument.Parse("--count", settings.Count, 0, ImpactMockServerOptions.MaxSubmissionCount) ?? 300,
        };
        if (!string.IsNullOrWhiteSpace(settings.AccountSid))
        {
            options.AccountSid = settings.AccountSid.Trim();
        }

        if (!string.IsNullOrWhiteSpace(settings.AuthToken))
        {
            options.AuthToken = settings.AuthToken.Trim();
        }

        var rateLimit = CountArgument.Parse("--rate-limit", settings.RateLimit, 0, int.MaxValue);
        var window = DurationArgument.Parse("--rate-limit-window", settings.RateLimitWindow, TimeSpan.FromHours(1));
        var latency = settings.Latency is null ? TimeSpan.Zero : DurationArgument.Parse("--latency", settings.Latency, TimeSpan.Zero);
        var failureRate = FailureRate(settings.FailureRate);
        var progressing = CountArgument.Parse("--progressing", settings.Progressing, 0, 1000) ?? 0;
        if (rateLimit is null && (settings.NoRetryAfter || settings.RateLimitWindow is not null))
        {
            throw new UsageException("--no-retry-after and --rate-limit-window need --rate-limit N.");
        }

        var server = ImpactMockServer.Start(options);
        try
        {
            if (rateLimit is { } limit)
            {
                server.RateLimitAfter(limit, window, sendRetryAfter: !settings.NoRetryAfter);
            }

            server.SetLatency(latency);
            server.SetFailureRate(failureRate);
            var added = Enumerable.Range(0, progressing).Select(_ => server.AddProgressingSubmission().BatchId!).ToList();
            var live = LiveRate.Parse(settings.Live);
            if (live is { } perMinute)
            {
                // Runs until the server is disposed: the timer only adds to the server's store.
                server.StartLiveSubmissions(perMinute);
            }

            output.WriteLine($"A fake impact.com: {server.Submissions.Count.ToString(CultureInfo.InvariantCulture)} submissions (seed {options.Seed.ToString(CultureInfo.InvariantCulture)}), as impact.com writes them.");
            WriteConnection(output, server.BaseUrl, server.AccountSid, server.AuthToken, $"/Advertisers/{Uri.EscapeDataString(server.AccountSid)}/APISubmissions.json?PageSize=2");
            foreach (var batchId in added)
            {
                output.WriteLine($"Progressing:  {batchId} (Queued, then In Progress, then Complete as it is polled)");
            }

            output.WriteLine($"Scenarios:    {Describe(rateLimit, window, settings.NoRetryAfter, latency, failureRate)}");
            if (live is { } rate)
            {
                output.WriteLine($"Live:         {rate.ToString(CultureInfo.InvariantCulture)} new submissions a minute, one in four failing (try: {CliApp.Name} watch --db watch.db with the variables above)");
            }

            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private static IDisposable StartMappings(string directory, string host, int port, TextWriter output)
    {
        var folder = Path.GetFullPath(directory);
        if (Directory.Exists(Path.Combine(folder, "mappings")))
        {
            folder = Path.Combine(folder, "mappings");
        }

        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : Array.Empty<string>();
        if (files.Length == 0)
        {
            throw new UsageException($"--mappings '{directory}' holds no WireMock mapping files (*.json).");
        }

        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = new[] { $"http://{(host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host)}:{port.ToString(CultureInfo.InvariantCulture)}" },
            Logger = new WireMockNullLogger(),
            StartAdminInterface = true,
            MaxRequestLogCount = 1000,
        });
        try
        {
            server.ReadStaticMappings(folder);
            var reachable = host is "0.0.0.0" or "::" ? "127.0.0.1" : host;
            var baseUrl = $"http://{(reachable.Contains(':', StringComparison.Ordinal) ? "[" + reachable + "]" : reachable)}:{server.Ports[0].ToString(CultureInfo.InvariantCulture)}";
            output.WriteLine($"WireMock.Net serving the {files.Length.ToString(CultureInfo.InvariantCulture)} mapping files in {folder}.");

            // The repository's contract stubs expect one account's Basic credentials: show them when the files name some.
            var text = string.Join("\n", files.Select(File.ReadAllText));
            var basic = Regex.Match(text, "\"Basic ([A-Za-z0-9+/=]+)\"");
            var path = Regex.Match(text, "\"Pattern\": \"(/Advertisers/[^\"*?]+)\"");
            var credentials = basic.Success ? Encoding.UTF8.GetString(Convert.FromBase64String(basic.Groups[1].Value)).Split(':', 2) : null;
            if (credentials is { Length: 2 })
            {
                WriteConnection(output, baseUrl, credentials[0], credentials[1], path.Success ? path.Groups[1].Value : "/__admin/mappings");
            }
            else
            {
                output.WriteLine($"Base URL:     {baseUrl}");
                output.WriteLine($"Try:          curl '{baseUrl}{(path.Success ? path.Groups[1].Value : "/__admin/mappings")}'");
            }

            output.WriteLine($"Admin:        {baseUrl}/__admin/mappings (WireMock's admin API: add or change mappings at run time)");
            return server;
        }
        catch
        {
            server.Stop();
            server.Dispose();
            throw;
        }
    }

    private static void WriteConnection(TextWriter output, string baseUrl, string accountSid, string authToken, string examplePath)
    {
        output.WriteLine($"Base URL:     {baseUrl}");
        output.WriteLine($"Account SID:  {accountSid}");
        output.WriteLine($"Auth Token:   {authToken}   (the mock's own; not a real token)");
        output.WriteLine($"Try:          curl -u '{accountSid}:{authToken}' '{baseUrl}{examplePath}'");
        output.WriteLine($"This tool:    IMPACT_BASE_URL={baseUrl} IMPACT_ACCOUNT_SID={accountSid} IMPACT_AUTH_TOKEN={authToken} {CliApp.Name} list");
    }

    private static string Describe(int? rateLimit, TimeSpan window, bool noRetryAfter, TimeSpan latency, double failureRate)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (rateLimit is { } limit)
        {
            parts.Add($"429 after {limit.ToString(CultureInfo.InvariantCulture)} requests per {Output.Display.Duration(window)}{(noRetryAfter ? " (X-RateLimit-Reset only, no Retry-After)" : string.Empty)}");
        }

        if (latency > TimeSpan.Zero)
        {
            parts.Add($"{Output.Display.Duration(latency)} latency");
        }

        if (failureRate > 0)
        {
            parts.Add($"{(failureRate * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of requests answer 503");
        }

        return parts.Count == 0 ? "none (see --rate-limit, --latency, --failure-rate, --progressing)" : string.Join("; ", parts);
    }

    private static double FailureRate(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        return double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw new UsageException($"--failure-rate '{text}' is not a share from 0 to 1, e.g. 0.1.");
    }

    // WireMock wraps Kestrel's bind failure in its own exception: the message is what tells it apart.
    private static bool CannotListen(Exception e) =>
        e is System.Net.Sockets.SocketException
        || e.ToString().Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        || e.ToString().Contains("Cannot assign requested address", StringComparison.OrdinalIgnoreCase)
        || e.ToString().Contains("Failed to bind", StringComparison.OrdinalIgnoreCase);
}
