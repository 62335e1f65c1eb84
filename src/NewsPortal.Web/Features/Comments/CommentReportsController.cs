namespace NewsPortal.Web.Features.Comments;

public sealed class ReportPageViewModel
{
    public required ReportTarget Target { get; init; }
    public required CommentReportForm Form { get; init; }
}

/// <param name="AlreadyReported">This reader had reported the comment before, so it was not counted again; null when the page was opened again later.</param>
public sealed record ReportSentViewModel(string ArticleSlug, int CommentId, bool? AlreadyReported);

/// <summary>
/// Reporting a published comment: an ordinary page with an ordinary form, linked from every published comment, so it
/// works without JavaScript and on any screen. Post/Redirect/Get to a thank-you page of its own, which says whether the
/// report was counted and does not look the comment up: the report may just have taken it off the site.
/// </summary>
public sealed class CommentReportsController(CommentReportService reports, ReaderIdCookie reader) : Controller
{
    public const string SentKey = "ReportSent";
    private const string View_ = "~/Features/Comments/Report.cshtml";
    private const string SentView = "~/Features/Comments/ReportSent.cshtml";


    [HttpGet("/news/{slug}/comments/{id:int}/report")]
    public async Task<IActionResult> Report(string slug, int id, CancellationToken cancellationToken)
    {
        var target = await reports.TargetAsync(slug, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        reader.GetOrIssue(HttpContext);
        return View(View_, new ReportPageViewModel
        {
            Target = target,
            Form = new CommentReportForm { Stamp = await reports.IssueStampAsync(target.ArticleId) },
        });
    }

    [HttpGet("/news/{slug}/comments/{id:int}/report/sent")]
    public IActionResult Sent(string slug, int id)
    {
        var sent = TempData[SentKey + id.ToString(CultureInfo.InvariantCulture)] as string;
        return View(SentView, new ReportSentViewModel(slug, id, sent is null ? null : sent == nameof(ReportOutcome.AlreadyReported)));
    }

    [HttpPost("/news/{slug}/comments/{id:int}/report")]
    [EnableRateLimiting(CommentReportRateLimiting.PolicyName)]
    [CommentRequestBody]
    public async Task<IActionResult> Report(string slug, int id, CommentReportForm form, CancellationToken cancellationToken)
    {
        ReportResult result;
        if (!ModelState.IsValid)
        {
            result = new(ReportOutcome.Invalid);
        }
        else
        {
            try
            {
                // The client as the rate limiter counts it (an IPv6 /64 is one client): otherwise one subscriber,
                // picking a new address in their /64 for each report, would count as several readers.
                var client = ClientAddress.Of(HttpContext) is null ? null : ClientAddress.PartitionKey(HttpContext);
                result = await reports.ReportAsync(slug, id, form, reader.GetOrIssue(HttpContext), client, cancellationToken);
            }
            catch (Exception ex) when (DatabaseErrors.IsBusy(ex))
            {
                ModelState.AddModelError(string.Empty, "We could not send your report just now because the site is very busy. Nothing was lost: please send it again in a moment.");
                Response.Headers.RetryAfter = "10";
                return await ShowAgainAsync(slug, id, form, StatusCodes.Status503ServiceUnavailable, cancellationToken);
            }
        }

        switch (result.Outcome)
        {
            case ReportOutcome.NotFound:
                return NotFound();
            case ReportOutcome.Invalid:
                foreach (var (field, message) in result.Errors ?? new Dictionary<string, string>())
                {
                    ModelState.AddModelError(field, message);
                }

                return await ShowAgainAsync(slug, id, form, StatusCodes.Status200OK, cancellationToken);
        }

        TempData[SentKey + id.ToString(CultureInfo.InvariantCulture)] = result.Outcome.ToString();
        return new SeeOtherResult(string.Create(CultureInfo.InvariantCulture, $"/news/{slug}/comments/{id}/report/sent"));
    }

    private async Task<IActionResult> ShowAgainAsync(string slug, int id, CommentReportForm form, int statusCode, CancellationToken cancellationToken)
    {
        var target = await reports.TargetAsync(slug, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        // A fresh stamp: the reader has already waited, and the old one may be the reason for a retry.
        form.Stamp = await reports.IssueStampAsync(target.ArticleId);
        ModelState.Remove(nameof(CommentReportForm.Stamp));
        Response.StatusCode = statusCode;
        return View(View_, new ReportPageViewModel { Target = target, Form = form });
    }
}
