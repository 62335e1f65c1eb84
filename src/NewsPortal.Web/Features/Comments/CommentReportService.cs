using NewsPortal.Web.Features.Notifications;

namespace NewsPortal.Web.Features.Comments;

public enum ReportOutcome
{
    /// <summary>No published comment with that id on a visible article with that slug.</summary>
    NotFound,

    /// <summary>Field errors; nothing was stored.</summary>
    Invalid,

    /// <summary>Stored and counted.</summary>
    Counted,

    /// <summary>This reader (or this address) had reported the comment already: thanked, not counted again.</summary>
    AlreadyReported,
}

public sealed record ReportResult(ReportOutcome Outcome, IReadOnlyDictionary<string, string>? Errors = null);

/// <summary>The comment a reader is about to report, as the report page shows it.</summary>
public sealed record ReportTarget(int CommentId, int ArticleId, string ArticleSlug, string ArticleHeadline, string AuthorName, string BodyHtml, DateTime CreatedAt);

/// <summary>
/// Readers' reports of published comments. A report is stored once per reader per comment (see <see cref="ReaderIdCookie"/>);
/// when <see cref="CommentOptions.ReportsToHold"/> readers' reports wait on a published comment, it is held for a
/// moderator, with that reason in its history, and moderators hear of it as of any held comment. Every report puts the
/// comment in the reported queue, an illegal-content report at its top. Holding the comment changes its status, so the
/// reader cache hears of it from the save itself.
/// </summary>
public sealed class CommentReportService(
    NewsDbContext db, SiteClock clock, FormStamp stamp, CommentRulesSource rules, KeyRingKeys keys, SqliteWriteGate gate, ILogger<CommentReportService> logger)
{
    /// <summary>Who the history names for a change made by readers' reports.</summary>
    public const string ReadersActor = "Readers' reports";

    public const string HeldByReportsNote = "Held automatically after readers' reports";

    private const string IpKeyPurpose = "comment-report-ip";
    private const int Attempts = 3;

    private readonly FormStamp _stamp = stamp;
    private readonly CommentRulesSource _rules = rules;

    public Task<ReportTarget?> TargetAsync(string slug, int commentId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        return db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.Status == CommentStatus.Approved)
            .Where(c => db.Articles.VisibleAt(now).Any(a => a.Id == c.ArticleId && a.Slug == slug))
            .Select(c => new ReportTarget(c.Id, c.ArticleId, c.Article.Slug, c.Article.Headline, c.AuthorName, c.BodyHtml, c.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public ValueTask<string> IssueStampAsync(int articleId) => _stamp.IssueAsync(articleId, FormStamp.ReportForm);

    public async Task<ReportResult> ReportAsync(
        string slug, int commentId, CommentReportForm form, string readerId, string? clientKey, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(slug, commentId, cancellationToken);
        if (target is null)
        {
            return new(ReportOutcome.NotFound);
        }

        var reason = ReportReasons.Parse(form.Reason);
        var explanation = CommentText.CleanBody(form.Explanation ?? string.Empty);
        var email = string.IsNullOrWhiteSpace(form.Email) ? null : CommentText.CleanEmail(form.Email);
        if (reason is null)
        {
            return new(ReportOutcome.Invalid, new Dictionary<string, string> { [nameof(CommentReportForm.Reason)] = "Please choose a reason." });
        }

        if (reason == ReportReason.Illegal && explanation.Length == 0)
        {
            return new(ReportOutcome.Invalid, new Dictionary<string, string> { [nameof(CommentReportForm.Explanation)] = CommentReportForm.ExplanationRequiredMessage });
        }

        var rules = await _rules.GetAsync(cancellationToken);
        if (await BotReasonAsync(form, target.ArticleId, rules) is { } bot)
        {
            // Answered like a person, so a bot learns nothing; nothing is stored or counted.
            logger.LogInformation("A report of comment {CommentId} was ignored: {Reason}", commentId, bot);
            return new(ReportOutcome.Counted);
        }

        var readerKey = ReaderIdCookie.KeyOf(readerId);
        var ipKey = clientKey is null ? null : await IpKeyAsync(clientKey);
        for (var attempt = 1; ; attempt++)
        {
            if (await db.CommentReports.AnyAsync(
                    r => r.CommentId == commentId && (r.ReaderKey == readerKey || (ipKey != null && r.IpKey == ipKey)), cancellationToken))
            {
                return new(ReportOutcome.AlreadyReported);
            }

            var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken);
            if (comment is null || comment.Status != CommentStatus.Approved && comment.ReportPriority is null)
            {
                // Taken down (or decided) between the page and the post: nothing left to report.
                return new(ReportOutcome.Counted);
            }

            var now = clock.UtcNow;
            db.CommentReports.Add(new CommentReport
            {
                CommentId = commentId,
                Reason = reason.Value,
                Explanation = explanation.Length == 0 ? null : FieldLengths.Clip(explanation, FieldLengths.ReportExplanation),
                ReporterEmail = email is null ? null : FieldLengths.Clip(email, FieldLengths.CommentEmail),
                ReaderKey = readerKey,
                IpKey = ipKey,
                CreatedAt = now,
            });
            comment.ReportedAt ??= now;
            comment.ReportPriority = reason == ReportReason.Illegal ? 0 : Math.Min(comment.ReportPriority ?? 1, 1);
            comment.Version++;

            var waiting = 1 + await db.CommentReports.CountAsync(r => r.CommentId == commentId && r.Decision == null, cancellationToken);
            if (comment.Status == CommentStatus.Approved && waiting >= rules.ReportsToHold)
            {
                var reasons = await db.CommentReports.AsNoTracking()
                    .Where(r => r.CommentId == commentId && r.Decision == null)
                    .Select(r => r.Reason)
                    .ToListAsync(cancellationToken);
                var named = string.Join(", ", reasons.Append(reason.Value).Distinct().Order().Select(ReportReasons.Label));
                var note = $"{HeldByReportsNote}: {waiting} readers reported it ({named}).";
                db.CommentHistory.Add(CommentHistory.Of(commentId, now, ReadersActor, CommentStatus.Approved, CommentStatus.Pending, note));
                comment.Status = CommentStatus.Pending;
                comment.StatusReason = FieldLengths.Clip(note, FieldLengths.StatusReason);
                CommentMail.HeldForModeration(db, comment, now);
            }

            try
            {
                using (await gate.EnterAsync(cancellationToken))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                Infrastructure.Telemetry.SiteMetrics.ReportReceived();
                return new(ReportOutcome.Counted);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // The same reader's other post won the race: that one counts.
                db.ChangeTracker.Clear();
                return new(ReportOutcome.AlreadyReported);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another report or a moderator changed the comment meanwhile: count again from what is there now.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<string?> BotReasonAsync(CommentReportForm form, int articleId, CommentOptions rules)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            return "the hidden honeypot field was filled in";
        }

        var (stamp, age) = await _stamp.CheckAsync(form.Stamp, articleId, FormStamp.ReportForm);
        if (stamp != StampVerdict.Valid)
        {
            return $"the form timestamp was {stamp.ToString().ToLowerInvariant()}";
        }

        return age < TimeSpan.FromSeconds(rules.MinSecondsToPost)
            ? $"posted {Math.Max(0, age.TotalSeconds):0.0} s after the form was shown (minimum {rules.MinSecondsToPost} s)"
            : null;
    }

    /// <param name="clientKey">The client as <see cref="Infrastructure.Proxy.ClientAddress.PartitionKey(HttpContext)"/> names it.</param>
    private async Task<string> IpKeyAsync(string clientKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await keys.StableAsync(IpKeyPurpose), Encoding.UTF8.GetBytes(clientKey)));
}
