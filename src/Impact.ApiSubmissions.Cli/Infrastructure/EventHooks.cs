using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading.Channels;

namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>
/// Hands each event to <c>--exec</c> (a shell command, the event's JSON on its standard input) and <c>--webhook</c> (an
/// HTTP POST of the JSON, retried) on a worker of its own: the watch only queues the event, so a slow or failing hook
/// never holds it up. Failures are warnings. On stop, what is queued gets a few seconds to go out.
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
    private readonly Task _worker;

    private EventHooks(string? exec, Uri? webhook, Action<string> warn, HttpMessageHandler? handler, TimeSpan[]? backoff)
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

        _worker = Task.Run(RunAsync);
    }

    /// <summary>The hooks the command line asks for, or null when it asks for none.</summary>
    /// <exception cref="UsageException">The webhook is not an absolute http(s) URL.</exception>
    public static EventHooks? Create(string? exec, string? webhook, Action<string> warn, HttpMessageHandler? handler = null, TimeSpan[]? backoff = null)
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

        return exec is null && url is null ? null : new EventHooks(exec, url, warn, handler, backoff);
    }

    /// <summary>Queues an event's JSON; returns at once.</summary>
    public void Enqueue(string json) => _queue.Writer.TryWrite(json);

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
            _warn($"{_queue.Reader.Count} events were not handed to --exec/--webhook before the watch stopped.");
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
