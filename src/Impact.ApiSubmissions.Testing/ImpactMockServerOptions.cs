using System;

namespace Impact.ApiSubmissions.Testing;

/// <summary>How <see cref="ImpactMockServer.Start(ImpactMockServerOptions)"/> sets up the fake impact.com.</summary>
public sealed class ImpactMockServerOptions
{
    /// <summary>The Account SID used when none is given.</summary>
    public const string DefaultAccountSid = "IRmockA1b2C3d4E5f6G7h8I9j0K1l2M3n4";

    /// <summary>The Auth Token used when none is given.</summary>
    public const string DefaultAuthToken = "mock-auth-token-0123456789abcdef";

    /// <summary>The largest <see cref="SubmissionCount"/> accepted.</summary>
    public const int MaxSubmissionCount = 1_000_000;

    /// <summary>
    /// Seeds the generated data set. The same seed, <see cref="SubmissionCount"/> and <see cref="Now"/>
    /// always give the same submissions, byte for byte. Default 1.
    /// </summary>
    public int Seed { get; set; } = 1;

    /// <summary>How many submissions to generate, 0 to <see cref="MaxSubmissionCount"/>. Default 300.</summary>
    public int SubmissionCount { get; set; } = 300;

    /// <summary>
    /// How many FTP file submissions to generate, 0 to <see cref="MaxSubmissionCount"/>, from the same <see cref="Seed"/>
    /// (changing it leaves the API submissions as they are). Default 40.
    /// </summary>
    public int FtpFileSubmissionCount { get; set; } = 40;

    /// <summary>
    /// The account's SID: the Basic user name the server accepts and the <c>{AccountSID}</c> in its paths.
    /// Default <see cref="DefaultAccountSid"/>.
    /// </summary>
    public string AccountSid { get; set; } = DefaultAccountSid;

    /// <summary>The Basic password the server accepts. Default <see cref="DefaultAuthToken"/>.</summary>
    public string AuthToken { get; set; } = DefaultAuthToken;

    /// <summary>The brand account id written as every submission's <c>AccountId</c>. Default 10001.</summary>
    public long AccountId { get; set; } = 10001;

    /// <summary>
    /// The moment the data set is generated back from: submissions fall in the 90 days before it.
    /// Default: the current time of <see cref="TimeProvider"/> at start. Set it for a data set that is
    /// identical on every run.
    /// </summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>
    /// The clock for rate-limit windows and <see cref="ReceivedRequest.ReceivedAt"/>. Default
    /// <see cref="System.TimeProvider.System"/>; a test can pass a fake clock to move a rate-limit window on
    /// without waiting. Latency set with <see cref="ImpactMockServer.SetLatency"/> always waits in real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The TCP port to listen on, 0 to 65535; 0 (the default) lets the operating system pick a free one.
    /// A fixed port suits a client configured with a fixed address; tests should keep 0.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// The address to listen on. Default <c>127.0.0.1</c> (loopback only); <c>0.0.0.0</c> or another
    /// interface's address exposes the fake to other machines.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// Names a list page's array <c>APISubmissions</c>, the plural other impact.com list resources use,
    /// instead of <c>APISubmission</c>, the name in impact.com's published schema and example. Default false.
    /// A client should read both.
    /// </summary>
    public bool PluralListArray { get; set; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Must be between 0 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(Host) || Host.IndexOfAny(new[] { '/', '?', '#', ' ' }) >= 0)
        {
            throw new ArgumentException("The host must be an address or name such as 127.0.0.1, without scheme or port.", nameof(Host));
        }

        if (SubmissionCount is < 0 or > MaxSubmissionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(SubmissionCount), SubmissionCount, $"Must be between 0 and {MaxSubmissionCount}.");
        }

        if (FtpFileSubmissionCount is < 0 or > MaxSubmissionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(FtpFileSubmissionCount), FtpFileSubmissionCount, $"Must be between 0 and {MaxSubmissionCount}.");
        }

        if (string.IsNullOrEmpty(AccountSid) || AccountSid.IndexOfAny(new[] { '/', ':', '?', '#' }) >= 0)
        {
            throw new ArgumentException("The Account SID must be non-empty and must not contain '/', ':', '?' or '#'.", nameof(AccountSid));
        }

        if (string.IsNullOrEmpty(AuthToken))
        {
            throw new ArgumentException("The Auth Token must be non-empty.", nameof(AuthToken));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentNullException(nameof(TimeProvider));
        }
    }
}
