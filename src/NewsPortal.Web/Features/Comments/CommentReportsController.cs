using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Infrastructure.Database;
using NewsPortal.Web.Infrastructure.Mvc;
using NewsPortal.Web.Infrastructure.Proxy;

namespace NewsPortal.Web.Features.Comments;

public sealed class ReportPageViewModel
{
    public required ReportTarget Target { get; init; }
    public required CommentReportForm Form { get; init; }

    /// <summary>The report was received (counted or not): the page thanks the reader instead of showing the form.</summary>
    public bool Sent { get; init; }

    /// <summary>With <see cref="Sent"/>: this reader had reported the comment before, so it was not counted again.</summary>
    public bool AlreadyReported { get; init; }
}

/// <summary>
/// Reporting a published comment: an ordinary page with an ordinary form, linked from every published comment, so it
/// works without JavaScript and on any screen. Post/Redirect/Get; the thank-you page says whether it was counted.
/// </summary>
public sealed class CommentReportsController : Controller
{
    public const string SentKey = "ReportSent";
    private const string View_ = "~/Features/Comments/Report.cshtml";

    private readonly CommentReportService _reports;
    private readonly ReaderIdCookie _reader;

    public CommentReportsController(CommentReportService reports, ReaderIdCookie reader)
    {
        _reports = reports;
        _reader = reader;
    }

    [HttpGet("/news/{slug}/comments/{id:int}/report")]
    public async Task<IActionResult> Report(string slug, int id, CancellationToken cancellationToken)
    {
        var target = await _reports.TargetAsync(slug, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        var sent = TempData[SentKey + id.ToString(CultureInfo.InvariantCulture)] as string;
        _reader.GetOrIssue(HttpContext);
        return View(View_, new ReportPageViewModel
        {
            Target = target,
            Form = new CommentReportForm { Stamp = await _reports.IssueStampAsync(target.ArticleId) },
            Sent = sent is not null,
            AlreadyReported = sent == nameof(ReportOutcome.AlreadyReported),
        });
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
                result = await _reports.ReportAsync(slug, id, form, _reader.GetOrIssue(HttpContext), ClientAddress.Of(HttpContext), cancellationToken);
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
        return new SeeOtherResult(string.Create(CultureInfo.InvariantCulture, $"/news/{slug}/comments/{id}/report"));
    }

    private async Task<IActionResult> ShowAgainAsync(string slug, int id, CommentReportForm form, int statusCode, CancellationToken cancellationToken)
    {
        var target = await _reports.TargetAsync(slug, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        // A fresh stamp: the reader has already waited, and the old one may be the reason for a retry.
        form.Stamp = await _reports.IssueStampAsync(target.ArticleId);
        ModelState.Remove(nameof(CommentReportForm.Stamp));
        Response.StatusCode = statusCode;
        return View(View_, new ReportPageViewModel { Target = target, Form = form });
    }
}
