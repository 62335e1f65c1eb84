using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminComments;

/// <summary>
/// The reported queue and the decisions on it. A decision settles every report waiting on the comment, is checked
/// against the comment's version the moderator saw (so of two moderators exactly one decision wins), and queues the
/// notices it owes (the outcome to each reporter who left an address, the statement of reasons to the author of a
/// comment taken down) in the same save, so a decision and its notices commit together or not at all.
/// </summary>
public sealed class ReportModerationService(NewsDbContext db, SiteClock clock, CommentCounts counts, Outbox outbox)
{
    /// <summary>The reported count is counted this far and then shown as "more than".</summary>
    public const int CountLimit = 10_000;

    /// <summary>At most this many waiting reports are listed per page of the queue.</summary>
    private const int ReportsPerPage = 500;

    private readonly CommentCounts _counts = counts;

    /// <summary>Comments with reports waiting (counted up to <see cref="CountLimit"/>), and how many of them for illegal content.</summary>
    public async Task<(int Reported, int Illegal)> CountAsync(CancellationToken cancellationToken)
    {
        var reported = await db.Comments.Where(c => c.ReportPriority != null)
            .OrderBy(c => c.ReportPriority).Select(c => c.Id).Take(CountLimit + 1).CountAsync(cancellationToken);
        var illegal = await db.Comments.Where(c => c.ReportPriority == 0)
            .OrderBy(c => c.ReportPriority).Select(c => c.Id).Take(CountLimit + 1).CountAsync(cancellationToken);
        return (reported, illegal);
    }

    /// <summary>
    /// One page of reported comments: illegal content first, then the longest waiting, read as ids from the
    /// (ReportPriority, ReportedAt) index, then those rows and their waiting reports.
    /// </summary>
    public async Task<ReportedQueueViewModel> QueueAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var counts = await _counts.GetAsync(db, cancellationToken);
        var (total, _) = await CountAsync(cancellationToken);
        page = Paging.LastPageAtMost(page, total, pageSize);
        var ids = await db.Comments.AsNoTracking()
            .Where(c => c.ReportPriority != null)
            .OrderBy(c => c.ReportPriority).ThenBy(c => c.ReportedAt).ThenBy(c => c.Id)
            .Select(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var items = new List<ReportedItem>();
        if (ids.Count > 0)
        {
            var rows = await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(ModerationQueue.ToItem).ToListAsync(cancellationToken);
            var reports = await db.CommentReports.AsNoTracking()
                .Where(r => ids.Contains(r.CommentId) && r.Decision == null)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .Select(r => new ReportLine(r.CommentId, r.Reason, r.Explanation, r.CreatedAt, r.ReporterEmail != null))
                .Take(ReportsPerPage)
                .ToListAsync(cancellationToken);
            var byComment = reports.ToLookup(r => r.CommentId);
            var byId = rows.ToDictionary(r => r.Id);
            items.AddRange(ids.Where(byId.ContainsKey).Select(id => new ReportedItem
            {
                Comment = byId[id],
                Reports = [.. byComment[id]],
                IsIllegal = byComment[id].Any(r => r.Reason == ReportReason.Illegal),
                SuggestedGround = DecisionGrounds.SuggestedFor(byComment[id].Select(r => r.Reason)),
            }));
        }

        return new ReportedQueueViewModel
        {
            Counts = counts,
            ReportedCount = total,
            Items = new PagedList<ReportedItem>(items, page, pageSize, total),
        };
    }

    /// <summary>Settles every report waiting on comment <paramref name="id"/> with <paramref name="decision"/>.</summary>
    public async Task<DecisionOutcome> DecideAsync(int id, ReportDecision decision, ReportDecisionForm form, string staff, CancellationToken cancellationToken)
    {
        var ground = DecisionGrounds.Parse(form.Ground);
        if (decision != ReportDecision.Dismissed && ground is null)
        {
            return DecisionOutcome.GroundMissing;
        }

        var comment = await db.Comments.Include(c => c.Article).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return DecisionOutcome.NotFound;
        }

        if (comment.Version != form.Version || comment.ReportPriority is null)
        {
            return DecisionOutcome.AlreadyHandled;
        }

        var now = clock.UtcNow;
        var statement = string.IsNullOrWhiteSpace(form.Statement) ? null : CommentText.CleanBody(form.Statement);
        var reports = await db.CommentReports.Where(r => r.CommentId == id && r.Decision == null).ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            report.Decision = decision;
            report.DecidedAt = now;
            report.DecidedBy = staff;
            report.DecisionGround = decision == ReportDecision.Dismissed ? null : ground;
            report.DecisionStatement = statement;
        }

        var from = comment.Status;
        var to = decision switch
        {
            ReportDecision.Hidden => CommentStatus.Rejected,
            ReportDecision.Removed => CommentStatus.Trash,

            // Dismissed: the comment stays; one the reports had held goes back up.
            _ => from == CommentStatus.Pending && await HeldByReportsAsync(id, cancellationToken) ? CommentStatus.Approved : from,
        };
        var count = reports.Count == 1 ? "1 report" : $"{reports.Count} reports";
        var note = decision switch
        {
            ReportDecision.Dismissed => $"Dismissed {count}",
            ReportDecision.Hidden => $"Hidden after {count}: {ground}",
            _ => $"Removed after {count}: {ground}",
        };
        if (statement is not null && decision != ReportDecision.Dismissed)
        {
            note += $". {statement}";
        }

        db.CommentHistory.Add(CommentHistory.Of(id, now, staff, from, to, note));
        if (decision != ReportDecision.Dismissed)
        {
            comment.StatusReason = FieldLengths.Clip($"{ground}{(statement is null ? string.Empty : $": {statement}")}", FieldLengths.StatusReason);
        }

        comment.Status = to;
        comment.ReportPriority = null;
        comment.ReportedAt = null;
        comment.Version++;
        QueueNotices(comment, reports, decision, from, ground, statement);
        if (!await db.SaveUnlessChangedAsync(cancellationToken))
        {
            return DecisionOutcome.AlreadyHandled;
        }

        if (from != to)
        {
            _counts.Moved(from, to);
        }

        Infrastructure.Telemetry.SiteMetrics.ReportsDecidedAs(decision, reports.Count);
        return DecisionOutcome.Decided;
    }

    /// <summary>Reports received and decided, and the median time to a decision, for each of the last <paramref name="months"/> months.</summary>
    public async Task<TransparencyViewModel> TransparencyAsync(int months, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var since = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1 - months);
        var received = await db.CommentReports.AsNoTracking()
            .Where(r => r.CreatedAt >= since)
            .GroupBy(r => new { r.CreatedAt.Year, r.CreatedAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var decided = await db.CommentReports.AsNoTracking()
            .Where(r => r.DecidedAt >= since)
            .Select(r => new { DecidedAt = r.DecidedAt!.Value, r.CreatedAt, Decision = r.Decision!.Value })
            .ToListAsync(cancellationToken);
        var list = new List<TransparencyMonth>();
        for (var month = since; month <= now; month = month.AddMonths(1))
        {
            var inMonth = decided.Where(d => d.DecidedAt.Year == month.Year && d.DecidedAt.Month == month.Month).ToList();
            var durations = inMonth.Select(d => d.DecidedAt - d.CreatedAt).Order().ToList();
            TimeSpan? median = durations.Count == 0 ? null
                : durations.Count % 2 == 1 ? durations[durations.Count / 2]
                : (durations[(durations.Count / 2) - 1] + durations[durations.Count / 2]) / 2;
            list.Add(new TransparencyMonth(
                month.Year,
                month.Month,
                received.Where(r => r.Year == month.Year && r.Month == month.Month).Sum(r => r.Count),
                inMonth.Count,
                median,
                inMonth.Count(d => d.Decision == ReportDecision.Dismissed),
                inMonth.Count(d => d.Decision == ReportDecision.Hidden),
                inMonth.Count(d => d.Decision == ReportDecision.Removed)));
        }

        list.Reverse();
        return new TransparencyViewModel { Months = list };
    }

    private Task<bool> HeldByReportsAsync(int id, CancellationToken cancellationToken) =>
        db.CommentHistory.AsNoTracking()
            .Where(h => h.CommentId == id)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
            .Select(h => h.ChangedBy == CommentReportService.ReadersActor)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The outcome to every reporter who left an address (once per address), and, when a comment readers could see is
    /// taken down, the statement of reasons to its author.
    /// </summary>
    private void QueueNotices(Comment comment, List<CommentReport> reports, ReportDecision decision, CommentStatus from, string? ground, string? statement)
    {
        var commentText = CommentSanitizer.ToPlainText(comment.BodyHtml);
        var link = $"/news/{comment.Article.Slug}";
        foreach (var email in reports.Where(r => r.ReporterEmail is not null).Select(r => r.ReporterEmail!).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var body = new MailBody()
                .Paragraph($"Thank you for reporting a comment on “{comment.Article.Headline}”. A moderator has looked at it.")
                .Quote(commentText)
                .Field("Decision", decision switch
                {
                    ReportDecision.Dismissed => "The comment stays: we did not find that it breaks our rules or the law.",
                    ReportDecision.Hidden => "The comment has been hidden from readers.",
                    _ => "The comment has been removed.",
                });
            if (ground is not null)
            {
                body.Field("Ground", ground);
            }

            if (statement is not null)
            {
                body.Paragraph(statement);
            }

            outbox.Add(db, new OutboxMail(MailKinds.ReportOutcome, email, null, "What we decided about the comment you reported", body.Link("The article", link))
            {
                QuotedComments = [comment.Id],
            });
        }

        if (decision != ReportDecision.Dismissed && from == CommentStatus.Approved && !comment.IsStaffReply)
        {
            var body = new MailBody()
                .Paragraph($"Your comment on “{comment.Article.Headline}” has been {(decision == ReportDecision.Hidden ? "hidden from readers" : "removed")} by a moderator after readers reported it.")
                .Quote(commentText)
                .Field("Ground", ground!);
            if (statement is not null)
            {
                body.Field("Reasons", statement);
            }

            body.Paragraph($"Readers' reports: {string.Join(", ", reports.Select(r => r.Reason).Distinct().Order().Select(ReportReasons.Label))}. This decision was made by a moderator, not automatically.");
            outbox.Add(db, new OutboxMail(MailKinds.StatementOfReasons, comment.AuthorEmail, comment.AuthorName, "Statement of reasons: your comment was taken down", body.Link("The article", link)));
        }
    }
}
