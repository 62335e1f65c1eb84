using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>What the editor's save tells the review rules, just before it commits.</summary>
/// <param name="StatusBefore">Null for a new story.</param>
public sealed record ArticleSaving(Article Article, ArticleStatus? StatusBefore, ArticleIntent Intent, ArticleActor Actor, string? ReviewNote);

/// <summary>One story waiting in the review queue.</summary>
/// <param name="SubmittedAt">UTC.</param>
public sealed record ReviewQueueRow(int Id, string Headline, string? Reporter, DateTime SubmittedAt, string? Note);

/// <summary>One of a reporter's own stories.</summary>
/// <param name="ListedAt">UTC: its publish time, or when it was created.</param>
public sealed record ReporterStoryRow(int Id, string Headline, ArticleStatus Status, DateTime? SubmittedAt, string? SentBackNote, DateTime ListedAt);

/// <summary>A reporter's own drafts by state.</summary>
public sealed record ReporterStoryCounts(int Drafts, int InReview, int SentBack);

/// <summary>The size of the review queue and when its oldest story was submitted (UTC).</summary>
public sealed record ReviewQueueSummary(int Count, DateTime? OldestSubmittedAt);

/// <summary>The newsroom list's tabs: stories per status and the review queue.</summary>
public sealed record ArticleTabs(IReadOnlyDictionary<ArticleStatus, int> Counts, ReviewQueueSummary Review)
{
    public int Count(ArticleStatus status) => Counts.TryGetValue(status, out var n) ? n : 0;
}

/// <summary>
/// Review: a reporter submits a draft with a note; an editor sends it back with a note (it returns to draft, the
/// note shown to the reporter) or publishes or schedules it. The reporter is told by e-mail, through the outbox, in
/// the same transaction as the change. A submitted story stays <see cref="ArticleStatus.Draft"/> to readers (it is
/// the visibility rule's draft) and is marked by <see cref="Article.SubmittedAt"/>.
/// </summary>
public sealed class ArticleReview(NewsDbContext db, Outbox outbox, SiteClock clock)
{
    /// <summary>
    /// Called by the editor's save with the tracked story, before it is saved: records its creator, moves it in or
    /// out of the queue, writes its history and queues the reporter's mail, all committed with the save.
    /// </summary>
    public async Task ApplyAsync(ArticleSaving saving, CancellationToken cancellationToken)
    {
        var (article, before, intent, actor, note) = saving;
        var now = clock.UtcNow;
        if (before is null && !string.IsNullOrEmpty(actor.UserId))
        {
            article.CreatedById = actor.UserId;
        }

        switch (intent)
        {
            case ArticleIntent.Submit:
                article.SubmittedAt = now;
                article.SubmissionNote = FormText.OrNull(note);
                article.SentBackNote = null;
                article.SentBackAt = null;
                Log(article, ArticleEventKinds.Submitted, actor, article.SubmissionNote, now);
                break;

            case ArticleIntent.Publish or ArticleIntent.Schedule when before != article.Status:
                article.SubmittedAt = null;
                article.SubmissionNote = null;
                article.SentBackNote = null;
                article.SentBackAt = null;
                var published = article.Status == ArticleStatus.Published;
                Log(article, published ? ArticleEventKinds.Published : ArticleEventKinds.Scheduled, actor, null, now);
                if (before is not ArticleStatus.Published and not ArticleStatus.Scheduled)
                {
                    await TellReporterAsync(article, actor, published
                        ? ("Your story was published", new MailBody()
                            .Paragraph($"{actor.Name} published your story \u201c{article.Headline}\u201d.")
                            .Link("Read it on the site", $"/news/{article.Slug}"))
                        : ("Your story was scheduled", new MailBody()
                            .Paragraph($"{actor.Name} scheduled your story \u201c{article.Headline}\u201d. It appears by itself at {clock.ToLocal(article.PublishedAt!.Value):HH:mm 'on' dddd d MMMM yyyy} (site time).")
                            .Link("The story in the newsroom", $"/admin/articles/{article.Id}/edit")), cancellationToken);
                }

                break;
        }
    }

    /// <summary>Returns a submitted story to its reporter as a draft, with the editor's note. Null on success, else why not.</summary>
    public async Task<string?> SendBackAsync(int id, string? note, ArticleActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return "Write a note telling the reporter what to change.";
        }

        if (note.Trim().Length > FieldLengths.ReviewNote)
        {
            return $"Keep the note under {FieldLengths.ReviewNote} characters.";
        }

        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || article.SubmittedAt is null || article.Status != ArticleStatus.Draft)
        {
            return "This story is not waiting for review (it may have been withdrawn, sent back or published a moment ago).";
        }

        var now = clock.UtcNow;
        article.SubmittedAt = null;
        article.SentBackNote = note.Trim();
        article.SentBackAt = now;
        Log(article, ArticleEventKinds.SentBack, actor, article.SentBackNote, now);
        await TellReporterAsync(article, actor, ("Your story was sent back", new MailBody()
            .Paragraph($"{actor.Name} sent your story \u201c{article.Headline}\u201d back to you with this note:")
            .Quote(article.SentBackNote)
            .Paragraph("It is a draft again: change it and submit it when it is ready.")
            .Link("Open the story", $"/admin/articles/{article.Id}/edit")), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The reporter takes their story back out of the queue to keep working on it.</summary>
    public async Task<string?> WithdrawAsync(int id, ArticleActor actor, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || article.SubmittedAt is null || article.Status != ArticleStatus.Draft)
        {
            return "This story is not waiting for review any more.";
        }

        article.SubmittedAt = null;
        Log(article, ArticleEventKinds.Withdrawn, actor, null, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The queue, oldest submission first.</summary>
    public Task<List<ReviewQueueRow>> QueueAsync(CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Where(a => a.SubmittedAt != null && a.Status == ArticleStatus.Draft)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Select(a => new ReviewQueueRow(
                a.Id, a.Headline,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
                a.SubmittedAt!.Value, a.SubmissionNote))
            .ToListAsync(cancellationToken);

    /// <summary>A reporter's own stories, newest first.</summary>
    public Task<PagedList<ReporterStoryRow>> MineAsync(string userId, int page, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Where(a => a.CreatedById == userId)
            .OrderByDescending(a => a.ListedAt).ThenByDescending(a => a.Id)
            .Select(a => new ReporterStoryRow(a.Id, a.Headline, a.Status, a.SubmittedAt, a.SentBackNote, a.ListedAt))
            .ToPagedListAsync(page, ArticleList.PageSize, cancellationToken);

    /// <summary>A reporter's own drafts: plain, waiting for review, sent back to them.</summary>
    public async Task<ReporterStoryCounts> MineCountsAsync(string userId, CancellationToken cancellationToken)
    {
        var own = await db.Articles.AsNoTracking().Where(a => a.CreatedById == userId && a.Status == ArticleStatus.Draft)
            .GroupBy(a => a.SubmittedAt != null ? 1 : a.SentBackNote != null ? 2 : 0)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(int key) => own.FirstOrDefault(g => g.Key == key)?.Count ?? 0;
        return new ReporterStoryCounts(Count(0), Count(1), Count(2));
    }

    /// <summary>
    /// How many stories each tab of the newsroom's list holds, read in one statement. Published is most of an archive
    /// and counting it steps through every one of its rows (grouping by status took 2.6 ms of CPU on 100,000
    /// articles, on every view of the list); it is the total, which needs no row-by-row count (SQLite counts the pages
    /// of its smallest index), less drafts and scheduled stories, each a short range of the status index.
    /// </summary>
    public async Task<ArticleTabs> TabsAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(_ => new
        {
            Total = db.Articles.Count(),
            Drafts = db.Articles.Count(a => a.Status == ArticleStatus.Draft),
            Scheduled = db.Articles.Count(a => a.Status == ArticleStatus.Scheduled),
        }).FirstOrDefaultAsync(cancellationToken);
        var byStatus = new Dictionary<ArticleStatus, int>
        {
            [ArticleStatus.Draft] = counts?.Drafts ?? 0,
            [ArticleStatus.Scheduled] = counts?.Scheduled ?? 0,
            [ArticleStatus.Published] = counts is null ? 0 : counts.Total - counts.Drafts - counts.Scheduled,
        };
        return new ArticleTabs(byStatus, await SummaryAsync(cancellationToken));
    }

    public async Task<ReviewQueueSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var queued = db.Articles.AsNoTracking().Where(a => a.SubmittedAt != null && a.Status == ArticleStatus.Draft);
        var count = await queued.CountAsync(cancellationToken);
        var oldest = count == 0 ? null : await queued.MinAsync(a => a.SubmittedAt, cancellationToken);
        return new ReviewQueueSummary(count, oldest);
    }

    private async Task TellReporterAsync(Article article, ArticleActor actor, (string Subject, MailBody Body) mail, CancellationToken cancellationToken)
    {
        if (article.CreatedById is not { } creator || creator == actor.UserId)
        {
            return;
        }

        var reporter = await db.Users.AsNoTracking().Where(u => u.Id == creator && !u.IsDisabled)
            .Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (reporter?.Email is { Length: > 0 } address)
        {
            outbox.Add(db, new OutboxMail(
                article.Status == ArticleStatus.Draft ? MailKinds.ReviewSentBack : MailKinds.ReviewPublished,
                address, reporter.DisplayName, $"{mail.Subject}: {article.Headline}", mail.Body));
        }
    }

    private void Log(Article article, string kind, ArticleActor actor, string? note, DateTime now) =>
        db.ArticleEvents.Add(new ArticleEvent { Article = article, Kind = kind, Actor = actor.Name, Note = note, At = now });
}
