using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// Generates the FTP file submissions of the data set from a seed (its own sequence: the API submissions do
/// not change with it). Files spread over the 90 days before "now", oldest first, each for one program;
/// about 3% are still Queued and 3% In Progress (uploaded in the last quarter hour). A complete file holds
/// 20 to 2,500 records, and about 45% of complete files have failed lines: 1 to 6% of their records, each
/// line with one documented error type and reason. TotalErrors is always the number of failed lines.
/// </summary>
internal static class FtpFileGenerator
{
    public static IEnumerable<FtpStoredFile> Generate(int seed, int count, SubmissionDefaults defaults)
    {
        foreach (var plan in DataSetSpread.Plan(new DeterministicRandom(unchecked(seed * 31L + 0x465450)), count, defaults.Now, TimeSpan.FromHours(1), 'F'))
        {
            yield return Create(plan.Random, plan.BatchId, plan.Submitted, plan.Status, defaults);
        }
    }

    private static FtpStoredFile Create(DeterministicRandom random, string batchId, DateTimeOffset submittedAt, SubmissionStatus status, SubmissionDefaults defaults)
    {
        var typeRoll = random.NextDouble();
        var type = typeRoll < 0.75 ? SubmissionType.Conversion : typeRoll < 0.9 ? SubmissionType.Modification : SubmissionType.Reversal;
        var program = random.Pick(SampleCatalog.Programs);
        var submitted = AccountClock.ToAccountTime(submittedAt);
        var records = random.Next(20, 2501);
        var complete = status == SubmissionStatus.Complete;
        var errorCount = complete && random.Chance(0.45) ? random.Next(1, Math.Max(2, records * 6 / 100) + 1) : 0;
        var file = FtpRecords.File.Fill(new FtpFileSubmission
        {
            BatchId = batchId,
            AccountId = defaults.AccountId,
            SubmissionDate = submitted,
            FileName = $"{Plural(type)}_{submitted.ToString("yyyyMMdd_HHmm", CultureInfo.InvariantCulture)}.csv",
            Type = type,
            Status = status,
            TotalRecords = status == SubmissionStatus.Queued ? 0 : records,
            TotalErrors = errorCount,
            CompletionDate = complete ? AccountClock.ToAccountTime(submittedAt + TimeSpan.FromSeconds(random.Next(30, 50 * 60))) : null,
            ErrorsUri = FtpRecords.ErrorsUri(defaults.AccountSid, batchId),
            Uri = FtpRecords.FileUri(defaults.AccountSid, batchId),
        });

        // The lines come from their own fork, drawn only when asked for: the file's fields never depend on them.
        var lineSeed = random.Fork();
        return FtpStoredFile.Settled(file, () => ErrorLines(lineSeed, program, records, errorCount, file.ErrorsUri!));
    }

    /// <summary><paramref name="count"/> distinct failed lines of a file of <paramref name="records"/> records, in line order.</summary>
    private static IReadOnlyList<FtpErrorDetail> ErrorLines(DeterministicRandom random, SampleCatalog.Program program, int records, int count, string errorsUri)
    {
        var lines = new SortedSet<int>();
        while (lines.Count < count)
        {
            lines.Add(random.Next(2, records + 2)); // line 1 is the header
        }

        return lines.Select(line => ErrorLine(random, program, line, errorsUri)).ToList();
    }

    private static FtpErrorDetail ErrorLine(DeterministicRandom random, SampleCatalog.Program program, int line, string errorsUri)
    {
        var validation = random.Chance(0.4);
        var reason = random.Pick(validation ? SampleCatalog.ValidationReasons : SampleCatalog.ContractReasons);
        var product = random.Pick(SampleCatalog.Products);
        var noItem = reason == "NO_ITEM";
        return FtpRecords.Error.Fill(new FtpErrorDetail
        {
            Line = line,
            CampaignId = program.CampaignId,
            ActionTrackerId = random.Pick(program.EventTypes).ActionTrackerId,
            MediaPartnerId = random.Pick(SampleCatalog.MediaPartnerIds),
            EventCode = null,
            OrderId = reason == "OID_MISSING" ? null : random.Digits(1).Replace('0', '7') + random.Digits(12),
            Category = noItem ? null : product.Category,
            Sku = noItem ? null : product.Sku,
            Status = new SubmissionErrorType(validation ? SampleCatalog.Validation : SampleCatalog.ContractError),
            Reason = new ErrorReason(reason),
            Uri = errorsUri + "/" + line.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static string Plural(SubmissionType type) =>
        type == SubmissionType.Conversion ? "conversions" : type == SubmissionType.Modification ? "modifications" : "reversals";
}
