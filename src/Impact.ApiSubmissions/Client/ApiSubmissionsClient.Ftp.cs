using System;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Http;

namespace Impact.ApiSubmissions;

// FTP file submissions: the files a brand uploads over FTP, each with a BatchId, its counts and its failed lines.
public partial class ApiSubmissionsClient
{
    /// <summary>
    /// Lists the FTP file submissions of the credentials' account, filtered on impact.com by the dates in
    /// <paramref name="options"/>: enumerate the result for the files (each BatchId once, in the service's order), or
    /// call <see cref="ImpactPageable{T}.AsPages"/> for the pages with their metadata and continuation tokens.
    /// Nothing is sent until you enumerate; pages are read one after the other. The listing always ends: see
    /// <see cref="ImpactRunawayListingException"/>.
    /// </summary>
    /// <param name="options">Date filters, page size, start page and a page limit; null for every file. Read once, here.</param>
    /// <param name="cancellationToken">Cancels the listing. Stopping the enumeration early also cancels the request in flight.</param>
    /// <returns>The listing, to enumerate by file or by page.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (thrown by this call, before any request).</exception>
    /// <exception cref="ArgumentException">A date filter's start is after its end (thrown by this call, before any request).</exception>
    /// <exception cref="ImpactApiException">While enumerating: impact.com answered with an error status (400: a filter it refused).</exception>
    /// <exception cref="ImpactWireFormatException">While enumerating: a page is not valid JSON of a page.</exception>
    /// <exception cref="ImpactTransportException">While enumerating: impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">While enumerating: a page did not arrive within the attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">While enumerating: a <c>@nextpageuri</c> or continuation token leads to another origin or account; nothing was sent there.</exception>
    /// <exception cref="ImpactRunawayListingException">While enumerating: the paging does not lead to an end.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual ImpactPageable<FtpFileSubmission> GetFtpSubmissionsAsync(FtpSubmissionListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FtpSubmissionListOptions();
        var rest = Rest;
        Ordered(nameof(options.SubmissionDateStart), options.SubmissionDateStart, nameof(options.SubmissionDateEnd), options.SubmissionDateEnd);
        Ordered(nameof(options.CompletedDateStart), options.CompletedDateStart, nameof(options.CompletedDateEnd), options.CompletedDateEnd);
        var (sid, submittedFrom, submittedTo, completedFrom, completedTo) = (rest.AccountSid, options.SubmissionDateStart, options.SubmissionDateEnd, options.CompletedDateStart, options.CompletedDateEnd);
        var plan = new ListingPlan<FtpFileSubmissionPage>(
            nameof(GetFtpSubmissionsAsync),
            (page, size) => ImpactRequests.CreateListFtpFileSubmissionsRequest(sid, page, size, submittedFrom, submittedTo, completedFrom, completedTo),
            options.PageSize,
            options.StartPage,
            1,
            options.MaxPages);
        return Listing(rest, plan, options.PageReceived, cancellationToken);
    }

    /// <summary>Reads one FTP file submission of the credentials' account by its BatchId: its status and counts. Retries transient failures.</summary>
    /// <param name="batchId">The file's BatchId. It always travels as one escaped path segment.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The file submission.</returns>
    /// <exception cref="ArgumentException"><paramref name="batchId"/> is null or blank.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status (404: unknown BatchId); <see cref="ImpactApiException.StatusCode"/> and <see cref="ImpactApiException.Error"/> say which.</exception>
    /// <exception cref="ImpactWireFormatException">The answer is not valid JSON of a file submission.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">No answer within the attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">The request would leave the base address or this account's resources.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<FtpFileSubmission> GetFtpSubmissionAsync(string batchId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireValue(batchId, nameof(batchId), "The BatchId");
        return Rest.GetAsync(ImpactRequests.CreateGetFtpFileSubmissionRequest(Rest.AccountSid, batchId), batchId, cancellationToken);
    }

    /// <summary>
    /// Reads one FTP file submission from its path, such as a file's <see cref="FtpFileSubmission.Uri"/>
    /// (<c>/Advertisers/&lt;sid&gt;/FTPFileSubmissions/&lt;BatchId&gt;</c>). The URI must lead to a file of the
    /// credentials' own account on the base address; anything else is refused before it is sent.
    /// </summary>
    /// <param name="fileUri">A relative path, or an absolute URL on the client's own base address.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The file submission.</returns>
    /// <exception cref="ArgumentException">The value is blank, or not a file submission's path.</exception>
    /// <exception cref="ImpactOriginRefusedException">The URI leads to another scheme, host, port or account: the credentials are not sent there.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status; <see cref="ImpactApiException.StatusCode"/> and <see cref="ImpactApiException.Error"/> say which.</exception>
    /// <exception cref="ImpactWireFormatException">The answer is not valid JSON of a file submission.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">No answer within the attempt timeout and overall deadline.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<FtpFileSubmission> GetFtpSubmissionByUriAsync(string fileUri, CancellationToken cancellationToken = default)
    {
        var batchId = BatchIdFromPath(fileUri, nameof(fileUri), "The file URI", "an FTP file submission's path", ImpactRequests.GetFtpFileSubmissionPath);
        return GetFtpSubmissionAsync(batchId, cancellationToken);
    }

    /// <summary>
    /// Lists the failed lines of one FTP file submission (line number, program, event type, partner, order, SKU,
    /// ErrorType and ErrorReason): enumerate the result for the lines, in the service's order, or call
    /// <see cref="ImpactPageable{T}.AsPages"/> for the pages. Nothing is sent until you enumerate; pages are read
    /// one after the other, and the listing always ends. A file still processing has no lines yet.
    /// </summary>
    /// <param name="batchId">The file's BatchId. It always travels as one escaped path segment.</param>
    /// <param name="options">Page size, start page and a page limit; null for the defaults. Read once, here.</param>
    /// <param name="cancellationToken">Cancels the listing. Stopping the enumeration early also cancels the request in flight.</param>
    /// <returns>The lines, to enumerate by line or by page.</returns>
    /// <exception cref="ArgumentException"><paramref name="batchId"/> is null or blank (thrown by this call).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (thrown by this call, before any request).</exception>
    /// <exception cref="ImpactApiException">While enumerating: impact.com answered with an error status (404: unknown BatchId).</exception>
    /// <exception cref="ImpactWireFormatException">While enumerating: a page is not valid JSON of a page.</exception>
    /// <exception cref="ImpactTransportException">While enumerating: impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">While enumerating: a page did not arrive within the attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">While enumerating: a <c>@nextpageuri</c> or continuation token leads to another origin or account; nothing was sent there.</exception>
    /// <exception cref="ImpactRunawayListingException">While enumerating: the paging does not lead to an end.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual ImpactPageable<FtpErrorDetail> GetFtpErrorDetailsAsync(string batchId, ListOptions<FtpErrorDetail>? options = null, CancellationToken cancellationToken = default)
    {
        Arguments.RequireValue(batchId, nameof(batchId), "The BatchId");
        options ??= new ListOptions<FtpErrorDetail>();
        var rest = Rest;
        var sid = rest.AccountSid;
        var plan = new ListingPlan<FtpErrorDetailPage>(
            nameof(GetFtpErrorDetailsAsync), (page, size) => ImpactRequests.CreateListFtpErrorDetailsRequest(sid, batchId, page, size), options.PageSize, options.StartPage, 1, options.MaxPages);
        return Listing(rest, plan, options.PageReceived, cancellationToken);
    }

    /// <summary>
    /// Lists the failed lines at a file's <see cref="FtpFileSubmission.ErrorsUri"/>
    /// (<c>/Advertisers/&lt;sid&gt;/FTPFileSubmissions/&lt;BatchId&gt;/ErrorDetails</c>), as
    /// <see cref="GetFtpErrorDetailsAsync"/> does. The URI must lead to a file of the credentials' own account on the
    /// base address; anything else is refused by this call, before anything is sent.
    /// </summary>
    /// <param name="errorsUri">A relative path, or an absolute URL on the client's own base address.</param>
    /// <param name="options">Page size, start page and a page limit; null for the defaults. Read once, here.</param>
    /// <param name="cancellationToken">Cancels the listing. Stopping the enumeration early also cancels the request in flight.</param>
    /// <returns>The lines, to enumerate by line or by page.</returns>
    /// <exception cref="ArgumentException">The value is blank, or not a file's error-details path (thrown by this call).</exception>
    /// <exception cref="ImpactOriginRefusedException">The URI leads to another scheme, host, port or account (thrown by this call); or, while enumerating, a <c>@nextpageuri</c> or continuation token does. Nothing is sent there.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (thrown by this call, before any request).</exception>
    /// <exception cref="ImpactApiException">While enumerating: impact.com answered with an error status (404: unknown BatchId).</exception>
    /// <exception cref="ImpactWireFormatException">While enumerating: a page is not valid JSON of a page.</exception>
    /// <exception cref="ImpactTransportException">While enumerating: impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">While enumerating: a page did not arrive within the attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactRunawayListingException">While enumerating: the paging does not lead to an end.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual ImpactPageable<FtpErrorDetail> GetFtpErrorDetailsByUriAsync(string errorsUri, ListOptions<FtpErrorDetail>? options = null, CancellationToken cancellationToken = default)
    {
        var batchId = BatchIdFromPath(errorsUri, nameof(errorsUri), "The ErrorsUri", "a file's error-details path", ImpactRequests.ListFtpErrorDetailsPath);
        return GetFtpErrorDetailsAsync(batchId, options, cancellationToken);
    }

    /// <summary>
    /// Polls an FTP file submission until impact.com stops processing it (status no longer Queued or In Progress),
    /// waiting longer between polls each time, like <see cref="WaitForCompletionAsync"/>. A status this SDK does not
    /// know also ends the wait: check <see cref="FtpFileSubmission.IsComplete"/>.
    /// </summary>
    /// <param name="batchId">The file's BatchId.</param>
    /// <param name="options">Poll interval, backoff, timeout and a status-change callback; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait at once, between polls too.</param>
    /// <returns>The processed file; some of its records may have failed (<see cref="FtpFileSubmission.HasErrors"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="batchId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interval or the timeout is not positive.</exception>
    /// <exception cref="ImpactWaitTimeoutException">Still pending when the timeout ran out; carries the last file seen (<see cref="ImpactWaitTimeoutException.LastSeenFtpFile"/>).</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status (404: unknown BatchId).</exception>
    /// <exception cref="ImpactWireFormatException">An answer is not valid JSON of a file submission.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">One poll found no answer within its attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">The request would leave the base address or this account's resources.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<FtpFileSubmission> WaitForFtpCompletionAsync(string batchId, WaitOptions<FtpFileSubmission>? options = null, CancellationToken cancellationToken = default) =>
        PollUntilSettledAsync(
            batchId,
            GetFtpSubmissionAsync,
            f => f.IsPending,
            f => f.Status,
            options,
            (last, polls, timeout, e) => new ImpactWaitTimeoutException(batchId, last, polls, timeout, e),
            cancellationToken);

    private static void Ordered(string startName, DateTimeOffset? start, string endName, DateTimeOffset? end)
    {
        if (start > end)
        {
            throw new ArgumentException($"{startName} ({start:O}) is after {endName} ({end:O}): no file could match.", "options");
        }
    }

    // A link from the server or the caller: the gate refuses another origin or account first, then the path must be
    // exactly the operation's path template for this account, without a query. The BatchId is then sent through the
    // generated request, as any other.
    private string BatchIdFromPath(string target, string parameterName, string what, string expected, string pathTemplate)
    {
        Arguments.RequireValue(target, parameterName, what);
        var uri = RequestGate.ResolveInAccount(Rest.BaseAddress, target.Trim(), Rest.AccountSid);
        var values = uri.Query.Length > 0 ? null : PathTemplate.MatchOwn(Rest.BaseAddress, uri, pathTemplate, Rest.AccountSid);
        if (values is null || !values.TryGetValue("BatchId", out var batchId))
        {
            throw new ArgumentException($"The URI is not {expected} ({PathTemplate.Shown(pathTemplate)}).", parameterName);
        }

        return batchId;
    }
}
