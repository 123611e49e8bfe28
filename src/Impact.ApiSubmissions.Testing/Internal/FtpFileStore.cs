using System.Collections.Generic;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>The server's FTP file submissions in list order: the seeded ones (oldest first), then those a test added.</summary>
internal sealed class FtpFileStore : RecordStore<FtpStoredFile>
{
    public FtpFileStore(IEnumerable<FtpStoredFile> seeded)
        : base(seeded, f => f.BatchId, "an FTP file submission")
    {
    }
}
