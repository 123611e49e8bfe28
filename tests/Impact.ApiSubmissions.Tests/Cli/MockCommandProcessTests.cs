using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Cli;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary><c>impact-submissions mock</c> as a user runs it: a real process, called over HTTP, stopped by a signal.</summary>
public class MockCommandProcessTests
{
    [Fact]
    public async Task Serves_the_data_set_to_a_client_written_for_impact_com_and_stops_on_a_signal()
    {
        using var mock = MockProcess.Start("mock", "--port", "0", "--seed", "7", "--count", "45", "--progressing", "1");
        var baseUrl = await mock.ReadLineStartingWithAsync("Base URL:");
        var sid = await mock.ReadLineStartingWithAsync("Account SID:");
        var token = await mock.ReadLineStartingWithAsync("Auth Token:");
        token = token.Split(' ')[0];
        var curl = await mock.ReadLineStartingWithAsync("Try:");
        curl.Should().StartWith($"curl -u '{sid}:{token}' '{baseUrl}/Advertisers/{sid}/APISubmissions.json");
        baseUrl.Should().MatchRegex(@"^http://127\.0\.0\.1:[1-9][0-9]*$");

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sid + ":" + token)));

        // What a client such as Singer's tap-impact asks first: the account, with a .json suffix.
        using (var company = await http.GetAsync($"Advertisers/{sid}/CompanyInformation.json"))
        {
            company.StatusCode.Should().Be(HttpStatusCode.OK);
            JObject.Parse(await company.Content.ReadAsStringAsync()).Value<string>("Id").Should().NotBeNullOrEmpty();
        }

        using (var list = await http.GetAsync($"Advertisers/{sid}/APISubmissions.json?PageSize=100"))
        {
            list.StatusCode.Should().Be(HttpStatusCode.OK);
            var page = JObject.Parse(await list.Content.ReadAsStringAsync());
            page.Value<string>("@total").Should().Be("46", "45 generated and one progressing");
        }

        using (var unauthorized = await new HttpClient().GetAsync($"{baseUrl}/Advertisers/{sid}/APISubmissions.json"))
        {
            unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var exit = await mock.StopAsync();
        exit.Should().Be(0, mock.Transcript);
        mock.Transcript.Should().Contain("Stopped.");
    }

    [Fact]
    public async Task Serves_the_contract_mapping_files()
    {
        var mappings = Path.Combine(ContractsFolder(), "mappings");
        using var mock = MockProcess.Start("mock", "--mappings", mappings);
        var baseUrl = await mock.ReadLineStartingWithAsync("Base URL:");
        var sid = await mock.ReadLineStartingWithAsync("Account SID:");
        var token = (await mock.ReadLineStartingWithAsync("Auth Token:")).Split(' ')[0];

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sid + ":" + token)));
        using var list = await http.GetAsync($"{baseUrl}/Advertisers/{sid}/APISubmissions");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        JObject.Parse(await list.Content.ReadAsStringAsync()).Value<string>("@page").Should().Be("1");
    }

    private static string ContractsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "contracts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/contracts not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The tool as a child process (<c>dotnet Impact.ApiSubmissions.Cli.dll ...</c>), always killed on dispose.</summary>
    private sealed class MockProcess : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        private readonly Process _process;
        private readonly StringBuilder _transcript = new();

        private MockProcess(Process process) => _process = process;

        public string Transcript
        {
            get
            {
                lock (_transcript)
                {
                    return _transcript.ToString();
                }
            }
        }

        public static MockProcess Start(params string[] args)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(typeof(CliApp).Assembly.Location);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var mock = new MockProcess(Process.Start(info)!);
            mock._process.ErrorDataReceived += (_, e) =>
            {
                lock (mock._transcript)
                {
                    mock._transcript.AppendLine(e.Data);
                }
            };
            mock._process.BeginErrorReadLine();
            return mock;
        }

        /// <summary>The rest of the first stdout line that starts with <paramref name="label"/>, trimmed.</summary>
        public async Task<string> ReadLineStartingWithAsync(string label)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The mock ended before printing '{label}':\n{Transcript}");
                lock (_transcript)
                {
                    _transcript.AppendLine(line);
                }

                if (line.StartsWith(label, StringComparison.Ordinal))
                {
                    return line.Substring(label.Length).Trim();
                }
            }
        }

        /// <summary>Sends SIGTERM (as a service manager does; Ctrl+C takes the same path) and returns the exit code.</summary>
        public async Task<int> StopAsync()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                _process.Kill();
            }
            else
            {
                Kill(_process.Id, 15).Should().Be(0);
            }

            using var timeout = new CancellationTokenSource(Patience);
            var rest = await _process.StandardOutput.ReadToEndAsync(timeout.Token);
            lock (_transcript)
            {
                _transcript.Append(rest);
            }

            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);
    }
}
