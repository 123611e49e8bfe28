using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>Spectre's help, followed by what every page should say: credentials, demo mode, exit codes.</summary>
internal sealed class CliHelpProvider : HelpProvider
{
    public CliHelpProvider(ICommandAppSettings settings)
        : base(settings)
    {
    }

    public override IEnumerable<IRenderable> GetHeader(ICommandModel model, ICommandInfo? command)
    {
        if (command is null)
        {
            yield return new Markup(
                "[bold]impact-submissions[/]: did my impact.com conversions go through, and if not, why?\n"
                + "Reads impact.com's API Submissions: list them, show one, wait for one, explain the failures.\n"
                + "Try it offline: [bold]impact-submissions list --demo[/]\n"
                + "The version: [bold]impact-submissions --version[/]\n\n");
        }

        foreach (var renderable in base.GetHeader(model, command))
        {
            yield return renderable;
        }
    }

    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        foreach (var renderable in base.GetFooter(model, command))
        {
            yield return renderable;
        }

        // payload decode works offline: no credentials to explain there.
        var offline = command?.Name is "payload" or "decode";
        yield return new Markup(
            (offline ? string.Empty : "\n[yellow]CREDENTIALS:[/]\n"
            + $"    Set [bold]{ImpactConnection.AccountSidVariable}[/] and [bold]{ImpactConnection.AuthTokenVariable}[/] (impact.com: Settings > API),\n"
            + "    or pass --account-sid and --auth-token. The token is never printed.\n"
            + "    [bold]--demo[/] runs any command against a built-in mock of impact.com instead: no credentials needed.\n")
            + "\n[yellow]EXIT CODES:[/]\n"
            + "    0  success\n"
            + "    1  a mistake on the command line: unknown option, bad value, missing credentials\n"
            + "    2  impact.com refused or failed (401, 403, 404, 429, 5xx, unreadable answer, timeout)\n"
            + "    3  wait: the submission completed with errors; payload decode: the payload has problems\n"
            + "    4  wait: still being processed when --timeout ran out\n"
            + "  130  interrupted (Ctrl+C)\n");
    }
}
