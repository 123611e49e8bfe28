using System;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>The FTP file submission records as the mock writes them: fields from the model, examples from the spec.</summary>
internal static class FtpRecords
{
    /// <summary>The array name of a page of file submissions, as impact.com's published schema gives it.</summary>
    public const string FileArray = "FTPFileSubmissions";

    /// <summary>The array name of a page of failed lines, as impact.com's published schema gives it.</summary>
    public const string ErrorArray = "ErrorDetail";

    public static SpecRecord<FtpFileSubmission> File { get; } = new("FtpFileSubmission", new[]
    {
        nameof(FtpFileSubmission.BatchId), nameof(FtpFileSubmission.AccountId), nameof(FtpFileSubmission.SubmissionDate),
        nameof(FtpFileSubmission.FileName), nameof(FtpFileSubmission.Type), nameof(FtpFileSubmission.Status),
        nameof(FtpFileSubmission.TotalRecords), nameof(FtpFileSubmission.TotalErrors), nameof(FtpFileSubmission.CompletionDate),
        nameof(FtpFileSubmission.ErrorsUri), nameof(FtpFileSubmission.Uri),
    });

    public static SpecRecord<FtpErrorDetail> Error { get; } = new("FtpErrorDetail", new[]
    {
        nameof(FtpErrorDetail.Line), nameof(FtpErrorDetail.CampaignId), nameof(FtpErrorDetail.ActionTrackerId),
        nameof(FtpErrorDetail.MediaPartnerId), nameof(FtpErrorDetail.EventCode), nameof(FtpErrorDetail.OrderId),
        nameof(FtpErrorDetail.Category), nameof(FtpErrorDetail.Sku), nameof(FtpErrorDetail.Status),
        nameof(FtpErrorDetail.Reason), nameof(FtpErrorDetail.Uri),
    });

    public static byte[] Write(FtpFileSubmission file) => WireJson.Record(file, File.WireProperties, file.AdditionalProperties);

    public static byte[] Write(FtpErrorDetail line) => WireJson.Record(line, Error.WireProperties, line.AdditionalProperties);

    public static string FileUri(string accountSid, string batchId) =>
        $"/Advertisers/{Uri.EscapeDataString(accountSid)}/FTPFileSubmissions/{Uri.EscapeDataString(batchId)}";

    public static string ErrorsUri(string accountSid, string batchId) => FileUri(accountSid, batchId) + "/ErrorDetails";
}
