using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading.Channels;

namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>
/// Hands each event to <c>--exec</c> (a shell command, the event's JSON on its standard input) and <c>--webhook</c> (an
/// HTTP POST of the JSON, retried) on a worker of its own: the watch only queues the event, so a slow or failing hook
/// never holds it up. Failures are warnings. On stop, what is queued gets a few seconds to go out.
/// With an outbox file, an event is written there before <see cref="Enqueue"/> returns (so before the watch marks it
/// reported) and removed once handed on: what a killed watch had queued goes out when the next one starts. An event
/// handed on just before a kill can go out twice (at least once, never lost).
/// </summary>
internal sealed class EventHooks : IAsyncDisposable
{
    private static readonly TimeSpan[] DefaultBackoff = { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15) };
    private readonly TimeSpan[] _backoff;
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly string? _exec;
    private readonly Uri? _webhook;
    private readonly Action<string> _warn;
    private readonly HttpClient? _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _outbox;
    private readonly List<string> _pending = new();
    private readonly object _outboxLock = new();
    private readonly Task _worker;

    private EventHooks(string? exec, Uri? webhook, Action<string> warn, HttpMessageHandler? handler, TimeSpan[]? backoff, string? outbox)
    {
        _backoff = backoff ?? DefaultBackoff;
        _exec = exec;
        _webhook = webhook;
        _warn = warn;
        if (webhook is not null)
        {
            _http = handler is null ? new HttpClient() : new HttpClient(handler);
            _http.Timeout = TimeSpan.FromSeconds(30);
        }

        _outbox = outbox;
        if (outbox is not null && File.Exists(outbox))
        {
            // Left by a watch that stopped before handing these on: they go first.
            foreach (var json in File.ReadAllLines(outbox).Where(l => l.Length > 0))
            {
                _pending.Add(json);
                _queue.Writer.TryWrite(json);
            }
        }

        _worker = Task.Run(RunAsync);
    }

    /// <summary>The hooks the command line asks for, or null when it asks for none.</summary>
    /// <exception cref="UsageException">The webhook is not an absolute http(s) URL.</exception>
    /// <param name="exec">The shell command, or null.</param>
    /// <param name="webhook">The URL to POST to, or null.</param>
    /// <param name="warn">Where failures go, as warnings.</param>
    /// <param name="handler">The HTTP handler for the webhook (tests); null for the default.</param>
    /// <param name="backoff">The waits between webhook attempts (tests); null for 1, 4 and 15 s.</param>
    /// <param name="outbox">A file that keeps the queued events across a kill; null keeps them in memory only.</param>
    public static EventHooks? Create(string? exec, string? webhook, Action<string> warn, HttpMessageHandler? handler = null, TimeSpan[]? backoff = null, string? outbox = null)
    {
        exec = string.IsNullOrWhiteSpace(exec) ? null : exec.Trim();
        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(webhook))
        {
            if (!Uri.TryCreate(webhook.Trim(), UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new UsageException($"--webhook '{webhook}' is not an http(s) URL, e.g. https://hooks.example.com/impact.");
            }
        }

        return exec is null && url is null ? null : new EventHooks(exec, url, warn, handler, backoff, outbox);
    }

    /// <summary>Queues an event's JSON (one line); with an outbox, writes it there first. Never waits for a hook.</summary>
    public void Enqueue(string json)
    {
        if (_outbox is not null)
        {
            lock (_outboxLock)
            {
                _pending.Add(json);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_outbox))!);
                using var file = new FileStream(_outbox, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
                var line = Encoding.UTF8.GetBytes(json + "\n");
                file.Write(line, 0, line.Length);
            }
        }

        _queue.Writer.TryWrite(json);
    }

    // Handed on (or given up on after its retries): the outbox keeps only what is still to go.
    private void Done(string json)
    {
        if (_outbox is null)
        {
            return;
        }

        lock (_outboxLock)
        {
            _pending.Remove(json);
            if (_pending.Count == 0)
            {
                File.Delete(_outbox);
                return;
            }

            var temporary = _outbox + ".tmp";
            File.WriteAllLines(temporary, _pending);
            File.Move(temporary, _outbox, overwrite: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _stop.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (_queue.Reader.Count > 0)
        {
            _warn(_outbox is null
                ? $"{_queue.Reader.Count} events were not handed to --exec/--webhook before the watch stopped."
                : $"{_queue.Reader.Count} events were not handed to --exec/--webhook before the watch stopped; they are kept in {_outbox} for the next watch.");
        }

        _http?.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var json in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
        {
            if (_exec is not null)
            {
                await ExecAsync(json).ConfigureAwait(false);
            }

            if (_webhook is not null)
            {
                await PostAsync(json).ConfigureAwait(false);
            }

            Done(json);
        }
    }

    private async Task ExecAsync(string json)
    {
        var windows = OperatingSystem.IsWindows();
        var start = new ProcessStartInfo(windows ? "cmd.exe" : "/bin/sh")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(windows ? "/c" : "-c");
        start.ArgumentList.Add(_exec!);
        try
        {
            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync(json).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(_stop.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                _warn($"--exec exited with {process.ExitCode}.");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _warn("--exec could not run: " + e.Message);
        }
    }

    private async Task PostAsync(string json)
    {
        for (var attempt = 0; ; attempt++)
        {
            string problem;
            try
            {
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await _http!.PostAsync(_webhook, content, _stop.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                problem = $"answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                problem = "failed: " + e.Message;
            }
            catch (TaskCanceledException) when (!_stop.IsCancellationRequested)
            {
                problem = "timed out";
            }

            if (attempt >= _backoff.Length)
            {
                _warn($"--webhook {problem}; gave up on the event after {attempt + 1} attempts.");
                return;
            }

            await Task.Delay(_backoff[attempt], _stop.Token).ConfigureAwait(false);
        }
    }
}
