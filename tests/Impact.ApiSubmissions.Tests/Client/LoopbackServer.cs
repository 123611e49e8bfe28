using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>
/// A bare HTTP/1.1 server on 127.0.0.1 and a free port: it reads each request's head and lets the test write
/// whatever bytes it likes, at whatever pace (a body that trickles, a redirect). Records every request head. It answers
/// one request a connection: when a test sends more than one, each answer must say <c>Connection: close</c>, or the
/// client may send its next request on a connection this server has done with (a transport error, found under load).
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, NetworkStream, CancellationToken, Task> _respond;
    private readonly Task _accepting;

    /// <param name="respond">Writes the answer to one request head.</param>
    /// <param name="address">A loopback address to listen on; 127.0.0.1 unless given (127.0.0.2 is another host on the same machine).</param>
    public LoopbackServer(Func<string, NetworkStream, CancellationToken, Task> respond, IPAddress? address = null)
    {
        _respond = respond;
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://{(address ?? IPAddress.Loopback)}:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Set when the client closed or aborted a connection while the server was still writing.</summary>
    public TaskCompletionSource<bool> ClientHungUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Task WriteAsync(NetworkStream stream, string text, CancellationToken token) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception)
        {
            // Stopping the listener ends the accept loop with an exception: expected.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            var stream = socket.GetStream();
            try
            {
                var head = await ReadHeadAsync(stream, _stop.Token);
                Requests.Enqueue(head);
                await _respond(head, stream, _stop.Token);
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                ClientHungUp.TrySetResult(true);
            }
            catch (Exception)
            {
                // The server is stopping.
            }
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken token)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, token) == 0)
            {
                break;
            }

            head.Append((char)buffer[0]);
        }

        return head.ToString();
    }
}
