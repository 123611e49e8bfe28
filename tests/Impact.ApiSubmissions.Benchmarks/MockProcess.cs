using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Impact.ApiSubmissions.Benchmarks;

/// <summary>
/// The mock impact.com in a process of its own (<c>impact-submissions mock</c> from the CLI's Release build), so that its
/// work, JIT and garbage collections never share the measured process. Its first requests are warmed with plain sockets on
/// dedicated threads, which leave the measured process's HTTP stack, thread pool and the SDK untouched.
/// </summary>
internal sealed class MockProcess : IDisposable
{
    private readonly Process _process;

    private MockProcess(Process process, Uri baseAddress, string accountSid, string authToken)
    {
        _process = process;
        BaseAddress = baseAddress;
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public Uri BaseAddress { get; }

    public string AccountSid { get; }

    public string AuthToken { get; }

    /// <summary>Starts the mock on a free loopback port and waits for the base URL it prints.</summary>
    public static MockProcess Start(int count, int seed, TimeSpan latency)
    {
        var dll = CliDll();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "mock", "--port", "0", "--count", count.ToString(), "--seed", seed.ToString(), "--latency", $"{(int)latency.TotalMilliseconds}ms" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet " + dll);
        try
        {
            return Attach(process);
        }
        catch
        {
            // Never leave a mock behind when the benchmark cannot use it.
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static MockProcess Attach(Process process)
    {
        string? url = null, sid = null, token = null;
        var deadline = Stopwatch.StartNew();
        while ((url is null || sid is null || token is null) && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var line = process.StandardOutput.ReadLine();
            if (line is null)
            {
                break;
            }

            url ??= After(line, "Base URL:");
            sid ??= After(line, "Account SID:");
            token ??= After(line, "Auth Token:")?.Split(' ')[0];
        }

        if (url is null || sid is null || token is null)
        {
            throw new InvalidOperationException($"The mock did not print its base URL: run `dotnet {process.StartInfo.ArgumentList[0]} mock --port 0` by hand to see why.");
        }

        // Drain what it prints from now on, so a full pipe never blocks it.
        new Thread(() => process.StandardOutput.BaseStream.CopyTo(Stream.Null)) { IsBackground = true }.Start();
        new Thread(() => process.StandardError.BaseStream.CopyTo(Stream.Null)) { IsBackground = true }.Start();
        return new MockProcess(process, new Uri(url.TrimEnd('/') + "/"), sid, token);
    }

    /// <summary>
    /// Requests every page from 1 to <paramref name="pages"/>, <paramref name="parallel"/> at once over plain sockets, each
    /// read to its end, <paramref name="passes"/> times. Every page, not just the first few: the mock builds a record's
    /// JSON the first time it serves it, which would otherwise cost the mock (on the same cores) about 0.4 s of CPU
    /// during a cold process's listing and none during the later ones.
    /// </summary>
    public void Warm(int pages, int parallel, int pageSize, int passes)
    {
        for (var round = 0; round < passes * ((pages + parallel - 1) / parallel); round++)
        {
            var threads = new Thread[parallel];
            for (var i = 0; i < parallel; i++)
            {
                var page = ((round * parallel) + i) % pages + 1;
                threads[i] = new Thread(() => Get($"/Advertisers/{AccountSid}/APISubmissions?Page={page}&PageSize={pageSize}"));
                threads[i].Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Get(string pathAndQuery)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(BaseAddress.Host, BaseAddress.Port);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountSid + ":" + AuthToken));
        socket.Send(Encoding.ASCII.GetBytes($"GET {pathAndQuery} HTTP/1.1\r\nHost: {BaseAddress.Authority}\r\nAuthorization: Basic {basic}\r\nAccept: application/json\r\nConnection: close\r\n\r\n"));
        var buffer = new byte[65536];
        var total = 0L;
        int read;
        while ((read = socket.Receive(buffer)) > 0)
        {
            total += read;
        }

        var head = Encoding.ASCII.GetString(buffer, 0, Math.Min(12, buffer.Length));
        if (total < 100_000)
        {
            throw new InvalidOperationException($"Warming the mock read {total} bytes only ({head}...): not a page of 1,000.");
        }
    }

    private static string? After(string line, string label) => line.StartsWith(label, StringComparison.Ordinal) ? line.Substring(label.Length).Trim() : null;

    // The CLI's build of the same configuration, found from this assembly up to the repository root.
    private static string CliDll()
    {
        var configuration = typeof(MockProcess).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Impact.ApiSubmissions.Cli", "bin", configuration, "net8.0", "Impact.ApiSubmissions.Cli.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the CLI first: dotnet build -c {configuration} src/Impact.ApiSubmissions.Cli", dll);
            }
        }

        throw new DirectoryNotFoundException("No Generated.sln above " + AppContext.BaseDirectory + ": run the benchmarks from the repository.");
    }
}
