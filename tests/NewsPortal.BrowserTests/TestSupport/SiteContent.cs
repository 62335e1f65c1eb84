namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>What the browser tests' site holds besides the sample content: the pages they drive need it to show something.</summary>
public static class SiteContent
{
    /// <summary>
    /// An article in the first section by the first author, open for comments: published at <paramref name="publishedAt"/>,
    /// or without it a draft written now.
    /// </summary>
    public static async Task<Article> ArticleAsync(
        NewsDbContext db, string slug, string headline, string standfirst, string bodyHtml, DateTime? publishedAt = null)
    {
        var article = new Article
        {
            Slug = slug,
            Headline = headline,
            Standfirst = standfirst,
            BodyHtml = bodyHtml,
            Status = publishedAt is null ? ArticleStatus.Draft : ArticleStatus.Published,
            PublishedAt = publishedAt,
            CreatedAt = publishedAt ?? DateTime.UtcNow,
            CategoryId = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            AuthorId = await db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    /// <summary>A comment on <paramref name="article"/> written at <paramref name="at"/>, a reply to <paramref name="parent"/> when given; not yet added.</summary>
    public static Comment CommentOn(
        Article article, string author, string email, string bodyHtml, CommentStatus status, DateTime at, Comment? parent = null) => new()
        {
            ArticleId = article.Id,
            ParentId = parent?.Id,
            AuthorName = author,
            AuthorEmail = email,
            BodyHtml = bodyHtml,
            Status = status,
            CreatedAt = at,
        };

    /// <summary>
    /// A reporter's story waiting for review (with its note, a preview link and its history) and a correction on the
    /// first sample story, so the review pages, the preview page and the article page's notes have something to show.
    /// </summary>
    public static async Task<(int StoryId, string PreviewPath)> NewsroomAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<NewsDbContext>();
        var now = DateTime.UtcNow;
        var reporterId = await db.Users.Where(u => u.Email == SiteFixture.ReporterEmail).Select(u => u.Id).SingleAsync();
        var sample = await db.Articles.OrderBy(a => a.Id).FirstAsync();
        var story = await ArticleAsync(
            db, "browser-review-story", "Ferry timetable changes from spring", "Fewer sailings at night, more at the weekend.",
            "<p>The ferry company will change its timetable.</p>");
        story.CreatedAt = now.AddHours(-3);
        story.CreatedById = reporterId;
        story.SubmittedAt = now.AddHours(-2);
        story.SubmissionNote = "Checked the figures with the company.";
        db.ArticleEvents.Add(new ArticleEvent { Article = story, Kind = ArticleEventKinds.Submitted, Actor = "Browser Reporter", At = now.AddHours(-2), Note = story.SubmissionNote });
        var link = new ArticlePreviewLink { Article = story, CreatedAt = now, ExpiresAt = now.AddDays(7), CreatedBy = "Browser Tester" };
        db.ArticlePreviewLinks.Add(link);
        db.ArticleNotes.Add(new ArticleNote { ArticleId = sample.Id, Kind = ArticleNoteKind.Correction, Text = "An earlier version misnamed the sea.", CreatedAt = now, CreatedBy = "Browser Tester" });
        await db.SaveChangesAsync();
        var token = await services.GetRequiredService<NewsPortal.Web.Infrastructure.Mail.LinkSigner>()
            .SignAsync(NewsPortal.Web.Features.AdminArticles.ArticlePreviewLinks.Purpose, link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromDays(7));
        return (story.Id, $"/preview/{token}");
    }

    /// <summary>
    /// Readers' reports on the long discussion's last thread (one of them for illegal content, one already decided), so
    /// the reported queue and the transparency summary have something to show; returns the first thread's id.
    /// </summary>
    public static async Task<int> ReportsAsync(NewsDbContext db)
    {
        var threads = await db.Comments.Where(c => c.Article.Slug == SiteFixture.LongDiscussionSlug && c.ParentId == null).OrderBy(c => c.CreatedAt).ToListAsync();
        var reported = threads[^1];
        var now = DateTime.UtcNow;
        reported.ReportPriority = 0;
        reported.ReportedAt = now.AddHours(-3);
        db.CommentReports.AddRange(
            new CommentReport { CommentId = reported.Id, Reason = ReportReason.Spam, ReaderKey = new string('1', 64), CreatedAt = now.AddHours(-3) },
            new CommentReport { CommentId = reported.Id, Reason = ReportReason.Illegal, Explanation = "It repeats a court-suppressed name.", ReporterEmail = "reporter@browser.test", ReaderKey = new string('2', 64), CreatedAt = now.AddHours(-2) },
            new CommentReport
            {
                CommentId = threads[^2].Id,
                Reason = ReportReason.OffTopic,
                ReaderKey = new string('3', 64),
                CreatedAt = now.AddDays(-1),
                Decision = ReportDecision.Dismissed,
                DecidedAt = now.AddHours(-20),
                DecidedBy = SiteFixture.EditorEmail,
            });
        await db.SaveChangesAsync();
        return threads[0].Id;
    }

    /// <summary>Two revisions of article 1, so its revisions page has a list and a diff to check.</summary>
    public static async Task RevisionsAsync(NewsDbContext db)
    {
        var article = await db.Articles.Include(a => a.Category).Include(a => a.Author).SingleAsync(a => a.Id == 1);
        ArticleRevision Revision(string headline, string body, DateTime at, bool published) => new()
        {
            ArticleId = article.Id,
            CreatedAt = at,
            CreatedBy = SiteFixture.EditorEmail,
            CreatedByName = "Browser Tester",
            ChangedFields = "Headline, Body",
            IsPublished = published,
            Headline = headline,
            Standfirst = article.Standfirst,
            BodyHtml = body,
            CategoryId = article.CategoryId,
            SectionName = article.Category.Name,
            AuthorId = article.AuthorId,
            Bylines = article.Author.Name,
            Status = article.Status,
        };
        db.ArticleRevisions.AddRange(
            Revision(article.Headline + " (first draft)", "<p>An earlier text of the story.</p>", DateTime.UtcNow.AddHours(-2), false),
            Revision(article.Headline, article.BodyHtml, DateTime.UtcNow.AddHours(-1), true));
        await db.SaveChangesAsync();
    }

    /// <summary>Twelve threads ("Thread 1" oldest), each answered, and one exchange six replies deep.</summary>
    public static async Task LongDiscussionAsync(NewsDbContext db)
    {
        var now = DateTime.UtcNow;
        var article = await ArticleAsync(
            db, SiteFixture.LongDiscussionSlug, "A long discussion about the harbour plans", "Readers have plenty to say.",
            "<p>The harbour board published its plans on Monday.</p>", now.AddDays(-2));

        Comment? parent = null;
        for (var i = 1; i <= SiteFixture.LongDiscussionThreads; i++)
        {
            var root = CommentOn(
                article, $"Reader {i}", $"reader{i}@browser.test", $"<p>Thread {i}: a point about the harbour.</p>", CommentStatus.Approved,
                now.AddDays(-1).AddMinutes(i));
            db.Comments.Add(root);
            await db.SaveChangesAsync();
            db.Comments.Add(CommentOn(
                article, "Harbour Board", "board@browser.test", $"<p>Thanks, reader {i}.</p>", CommentStatus.Approved, root.CreatedAt.AddHours(1), root));
            parent ??= root;
        }

        for (var depth = 1; depth <= 6; depth++)
        {
            var reply = CommentOn(
                article, $"Deep Reader {depth}", $"deep{depth}@browser.test",
                $"<p>Reply at depth {depth + 1}, with a fairly long sentence so that a narrow phone screen has to wrap it.</p>",
                CommentStatus.Approved, now.AddHours(-12 + depth), parent);
            db.Comments.Add(reply);
            await db.SaveChangesAsync();
            parent = reply;
        }
    }
}
