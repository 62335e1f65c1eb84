namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>What the browser tests' site holds besides the sample content: the pages they drive need it to show something.</summary>
public static class SiteContent
{
    /// <summary>A published article open for comments, in the first section by the first author.</summary>
    public static async Task<Article> PublishedArticleAsync(
        NewsDbContext db, string slug, string headline, string standfirst, string bodyHtml, DateTime publishedAt)
    {
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        var author = await db.Authors.OrderBy(a => a.Id).FirstAsync();
        var article = new Article
        {
            Slug = slug,
            Headline = headline,
            Standfirst = standfirst,
            BodyHtml = bodyHtml,
            Status = ArticleStatus.Published,
            PublishedAt = publishedAt,
            CreatedAt = publishedAt,
            CategoryId = category.Id,
            AuthorId = author.Id,
            CommentsOpen = true,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

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
        var story = new Article
        {
            Slug = "browser-review-story",
            Headline = "Ferry timetable changes from spring",
            Standfirst = "Fewer sailings at night, more at the weekend.",
            BodyHtml = "<p>The ferry company will change its timetable.</p>",
            Status = ArticleStatus.Draft,
            CreatedAt = now.AddHours(-3),
            CreatedById = reporterId,
            SubmittedAt = now.AddHours(-2),
            SubmissionNote = "Checked the figures with the company.",
            AuthorId = sample.AuthorId,
            CategoryId = sample.CategoryId,
        };
        db.Articles.Add(story);
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
        var article = await PublishedArticleAsync(
            db, SiteFixture.LongDiscussionSlug, "A long discussion about the harbour plans", "Readers have plenty to say.",
            "<p>The harbour board published its plans on Monday.</p>", now.AddDays(-2));

        Comment? parent = null;
        for (var i = 1; i <= SiteFixture.LongDiscussionThreads; i++)
        {
            var root = new Comment
            {
                ArticleId = article.Id,
                AuthorName = $"Reader {i}",
                AuthorEmail = $"reader{i}@browser.test",
                BodyHtml = $"<p>Thread {i}: a point about the harbour.</p>",
                Status = CommentStatus.Approved,
                CreatedAt = now.AddDays(-1).AddMinutes(i),
            };
            db.Comments.Add(root);
            await db.SaveChangesAsync();
            db.Comments.Add(new Comment
            {
                ArticleId = article.Id,
                ParentId = root.Id,
                AuthorName = "Harbour Board",
                AuthorEmail = "board@browser.test",
                BodyHtml = $"<p>Thanks, reader {i}.</p>",
                Status = CommentStatus.Approved,
                CreatedAt = root.CreatedAt.AddHours(1),
            });
            parent ??= root;
        }

        for (var depth = 1; depth <= 6; depth++)
        {
            var reply = new Comment
            {
                ArticleId = article.Id,
                ParentId = parent!.Id,
                AuthorName = $"Deep Reader {depth}",
                AuthorEmail = $"deep{depth}@browser.test",
                BodyHtml = $"<p>Reply at depth {depth + 1}, with a fairly long sentence so that a narrow phone screen has to wrap it.</p>",
                Status = CommentStatus.Approved,
                CreatedAt = now.AddHours(-12 + depth),
            };
            db.Comments.Add(reply);
            await db.SaveChangesAsync();
            parent = reply;
        }
    }
}
