using System.Runtime.InteropServices;
using Impact.ApiSubmissions.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the command cleanly; a second one ends the process.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

// A service manager or container stops `mock` with SIGTERM: stop as cleanly as on Ctrl+C.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
});

return await CliApp.RunAsync(args, CliEnvironment.FromProcess(cancellation.Token));
