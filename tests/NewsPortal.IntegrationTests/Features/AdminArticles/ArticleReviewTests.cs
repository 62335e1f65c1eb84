using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Mail;

namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>The Reporter role and review: what a reporter may not do by any route or field, and submit, send back, publish.</summary>
public sealed class ArticleReviewTests : IClassFixture<ArticleReviewTests.Factory>
{
    private const string Editor = NewsroomFactory.Editor;
    private const string Reporter = NewsroomFactory.Reporter;
    private const string OtherReporter = NewsroomFactory.OtherReporter;
    private const string Moderator = NewsroomFactory.Moderator;
    private readonly Factory _factory;

    public ArticleReviewTests(Factory factory) => _factory = factory;

    public sealed class Factory : NewsroomFactory;

    internal static async Task<Dictionary<string, string>> FieldsAsync(NewsPortalFactory factory, string headline)
    {
        var ids = await factory.WithDbAsync(async db => (
            await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()));
        return new Dictionary<string, string>
        {
            ["Headline"] = headline,
            ["Standfirst"] = "What happened, in one sentence.",
            ["BodyHtml"] = "<p>First paragraph.</p>",
            ["CategoryId"] = ids.Item1.ToString(CultureInfo.InvariantCulture),
            ["AuthorId"] = ids.Item2.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Posts the editor form as rendered (with <paramref name="values"/> typed over it) with the given intent.</summary>
    internal static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> values, string intent)
    {
        var (_, page) = await Html.GetAsync(client, url);
        var form = page.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        var fields = Html.FormValues(form, values);
        fields.Add(new("intent", intent));
        return await Html.PostAsync(client, Html.ActionOf(form), fields);
    }

    /// <summary>A POST to one of the small forms around the editor, with a token from a page the client may open.</summary>
    internal static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string action, params (string Name, string Value)[] values)
    {
        var (_, page) = await Html.GetAsync(client, "/admin/articles/new");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await Html.PostAsync(client, action, [new("__RequestVerificationToken", token), .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))]);
    }

    internal static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);

    private async Task<int> ReporterDraftAsync(HttpClient reporter, string headline)
    {
        var saved = await SaveAsync(reporter, "/admin/articles/new", await FieldsAsync(_factory, headline), "savedraft");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        return IdFrom(saved);
    }

    private Task<Article> ArticleAsync(int id) => _factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    [Theory]
    [InlineData("publish")]
    [InlineData("schedule")]
    [InlineData("unpublish")]
    [InlineData("PUBLISH")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    public async Task Reporter_EveryPublishingIntent_IsRefusedWithAMessage_AndChangesNothing(string intent)
    {
        var reporter = await _factory.AsAsync(Reporter);
        var id = await ReporterDraftAsync(reporter, $"Reporter intent test {Guid.NewGuid():N}");
        var before = await ArticleAsync(id);
        var count = await _factory.WithDbAsync(db => db.Articles.CountAsync());
        var fields = await FieldsAsync(_factory, $"Changed by intent {Guid.NewGuid():N}");
        fields["PublishAt"] = TimeZoneInfo.ConvertTime(_factory.Clock.GetUtcNow().AddHours(3), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
            .ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var onOwn = await SaveAsync(reporter, $"/admin/articles/{id}/edit", fields, intent);
        var onNew = await SaveAsync(reporter, "/admin/articles/new", fields, intent);

        foreach (var response in new[] { onOwn, onNew })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains("Reporters cannot publish, schedule or unpublish", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        }

        var after = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, after.Status);
        Assert.Null(after.PublishedAt);
        Assert.Equal(before.Headline, after.Headline);
        Assert.Equal(count, await _factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Reporter_OwnStory_RecordsTheCreator_AndShowsNoPublishButtons()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var id = await ReporterDraftAsync(reporter, "Reporter writes a story of their own");

        var creator = await _factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CreatedById).SingleAsync());
        var reporterId = await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == Reporter).Select(u => u.Id).SingleAsync());
        Assert.Equal(reporterId, creator);
        var (_, page) = await Html.GetAsync(reporter, $"/admin/articles/{id}/edit");
        var intents = page.QuerySelectorAll("form.article-editor button[name='intent']").Select(b => b.GetAttribute("value")).ToList();
        Assert.Equal(["savedraft", "submit"], intents);
        // The media library is the editors': the editor is given no picker address (editor.js then offers none).
        Assert.Equal(string.Empty, page.QuerySelector("[data-newsroom-editor]")!.GetAttribute("data-media-picker") ?? string.Empty);
    }

    [Fact]
    public async Task Reporter_OthersStories_AreClosedByEveryRoute()
    {
        var editor = await _factory.AsAsync(Editor);
        var editorsDraft = IdFrom(await SaveAsync(editor, "/admin/articles/new", await FieldsAsync(_factory, "An editor's own draft story"), "savedraft"));
        var other = await _factory.AsAsync(OtherReporter);
        var othersDraft = await ReporterDraftAsync(other, "Another reporter's draft story");
        var reporter = await _factory.AsAsync(Reporter);

        foreach (var id in new[] { editorsDraft, othersDraft })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri($"/admin/articles/{id}/edit", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri($"/admin/articles/{id}/preview", UriKind.Relative))).StatusCode);
            var before = await ArticleAsync(id);

            // The editor form posted straight at someone else's story, with every intent a reporter may use.
            foreach (var intent in new[] { "savedraft", "submit", string.Empty })
            {
                var fields = await FieldsAsync(_factory, "Taken over by a reporter");
                var (_, own) = await Html.GetAsync(reporter, "/admin/articles/new");
                var form = Html.FormValues(own.QuerySelector<IHtmlFormElement>("form.article-editor")!, fields);
                form.Add(new("intent", intent));
                Assert.Equal(HttpStatusCode.Forbidden, (await Html.PostAsync(reporter, $"/admin/articles/{id}/edit", form)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.Forbidden, (await PostWithTokenAsync(reporter, $"/admin/articles/{id}/send-back", ("note", "No."))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostWithTokenAsync(reporter, $"/admin/articles/{id}/withdraw")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostWithTokenAsync(reporter, $"/admin/articles/{id}/preview-links", ("days", "1"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostWithTokenAsync(reporter, $"/admin/articles/{id}/notes", ("Kind", "correction"), ("Text", "x"))).StatusCode);

            var after = await ArticleAsync(id);
            Assert.Equal(before.Headline, after.Headline);
            Assert.Null(after.SubmittedAt);
            Assert.Equal(0, await _factory.WithDbAsync(db => db.ArticlePreviewLinks.CountAsync(l => l.ArticleId == id)));
        }

        var (_, list) = await Html.GetAsync(reporter, "/admin/articles");
        Assert.DoesNotContain(Html.Links(list, "/admin/articles/"), l => l.StartsWith($"/admin/articles/{editorsDraft}/", StringComparison.Ordinal) || l.StartsWith($"/admin/articles/{othersDraft}/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri("/admin/media", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri("/admin/media/picker", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri("/admin/comments?status=pending", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SubmitSendBackResubmitPublish_TellsTheReporterByMail_AndKeepsTheHistory()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var editor = await _factory.AsAsync(Editor);
        var id = await ReporterDraftAsync(reporter, "Tram line extension approved by council");

        var submitted = await SaveAsync(reporter, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["ReviewNote"] = "Ready; quotes checked." }, "submit");
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        var article = await ArticleAsync(id);
        Assert.NotNull(article.SubmittedAt);
        Assert.Equal("Ready; quotes checked.", article.SubmissionNote);
        Assert.Equal(ArticleStatus.Draft, article.Status);

        // Read-only to its reporter until it comes back: no editor form, and a post to it is refused.
        var (_, readOnly) = await Html.GetAsync(reporter, $"/admin/articles/{id}/edit");
        Assert.Null(readOnly.QuerySelector("form.article-editor"));
        Assert.NotNull(readOnly.QuerySelector($"form[action='/admin/articles/{id}/withdraw']"));
        var (_, blank) = await Html.GetAsync(reporter, "/admin/articles/new");
        var post = Html.FormValues(blank.QuerySelector<IHtmlFormElement>("form.article-editor")!, await FieldsAsync(_factory, "Changed while in review"));
        post.Add(new("intent", "savedraft"));
        var refused = await Html.PostAsync(reporter, $"/admin/articles/{id}/edit", post);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("waiting for review", (await Html.ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tram line extension approved by council", (await ArticleAsync(id)).Headline);

        var sentBack = await PostWithTokenAsync(editor, $"/admin/articles/{id}/send-back", ("note", "Add the cost and a second source."));
        Assert.Equal(HttpStatusCode.SeeOther, sentBack.StatusCode);
        article = await ArticleAsync(id);
        Assert.Null(article.SubmittedAt);
        Assert.Equal("Add the cost and a second source.", article.SentBackNote);
        var mail = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MailKinds.ReviewSentBack && m.ToAddress == Reporter).ToListAsync());
        var sentBackMail = Assert.Single(mail, m => m.Subject.Contains("Tram line extension", StringComparison.Ordinal));
        Assert.Contains("Add the cost and a second source.", sentBackMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/admin/articles/{id}/edit", sentBackMail.TextBody, StringComparison.Ordinal);

        var (_, back) = await Html.GetAsync(reporter, $"/admin/articles/{id}/edit");
        Assert.Contains("Add the cost and a second source.", back.QuerySelector(".review-block")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(back.QuerySelector("form.article-editor"));

        Assert.Equal(HttpStatusCode.SeeOther, (await SaveAsync(reporter, $"/admin/articles/{id}/edit",
            new Dictionary<string, string> { ["BodyHtml"] = "<p>It costs 40 million.</p>", ["ReviewNote"] = "Cost added." }, "submit")).StatusCode);
        Assert.NotNull((await ArticleAsync(id)).SubmittedAt);

        var published = await SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string>(), "publish");
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        article = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Null(article.SubmittedAt);
        var publishedMail = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Kind == MailKinds.ReviewPublished && m.ToAddress == Reporter && m.Subject.Contains("Tram line extension")));
        Assert.Contains($"/news/{article.Slug}", publishedMail.TextBody, StringComparison.Ordinal);

        var history = await _factory.WithDbAsync(db => db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([ArticleEventKinds.Submitted, ArticleEventKinds.SentBack, ArticleEventKinds.Submitted, ArticleEventKinds.Published], history);

        // Published, it has left the reporter's hands.
        var (_, after) = await Html.GetAsync(reporter, $"/admin/articles/{id}/edit");
        Assert.Null(after.QuerySelector("form.article-editor"));
    }

    [Fact]
    public async Task Scheduling_ASubmittedStory_TellsTheReporter()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var editor = await _factory.AsAsync(Editor);
        var id = await ReporterDraftAsync(reporter, "Library opening hours extended in winter");
        await SaveAsync(reporter, $"/admin/articles/{id}/edit", new Dictionary<string, string>(), "submit");
        var at = TimeZoneInfo.ConvertTime(_factory.Clock.GetUtcNow().AddHours(5), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        var scheduled = await SaveAsync(editor, $"/admin/articles/{id}/edit",
            new Dictionary<string, string> { ["PublishAt"] = at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) }, "schedule");

        Assert.Equal(HttpStatusCode.SeeOther, scheduled.StatusCode);
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(id)).Status);
        var mail = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Kind == MailKinds.ReviewPublished && m.Subject.Contains("Library opening hours")));
        Assert.Equal(Reporter, mail.ToAddress);
        Assert.Contains(at.ToString("HH:mm", CultureInfo.InvariantCulture), mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendBack_WithoutANote_IsRefusedWithAMessage_AndTheStoryStaysInTheQueue()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var editor = await _factory.AsAsync(Editor);
        var id = await ReporterDraftAsync(reporter, "Harbour wall repairs begin next week");
        await SaveAsync(reporter, $"/admin/articles/{id}/edit", new Dictionary<string, string>(), "submit");

        var response = await PostWithTokenAsync(editor, $"/admin/articles/{id}/send-back", ("note", "   "));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.NotNull((await ArticleAsync(id)).SubmittedAt);
        var (_, page) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Contains("Write a note telling the reporter what to change.", page.QuerySelector(".notice-warning")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ReturnsTheStoryToItsReporterAsADraft()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var id = await ReporterDraftAsync(reporter, "Cycle lane consultation opens to residents");
        await SaveAsync(reporter, $"/admin/articles/{id}/edit", new Dictionary<string, string>(), "submit");

        var response = await PostWithTokenAsync(reporter, $"/admin/articles/{id}/withdraw");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Null((await ArticleAsync(id)).SubmittedAt);
        var (_, page) = await Html.GetAsync(reporter, $"/admin/articles/{id}/edit");
        Assert.NotNull(page.QuerySelector("form.article-editor"));
    }

    [Fact]
    public async Task ReviewQueue_ListsOldestFirst_WithCountAndAge_OnTheTabAndTheDashboard()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var editor = await _factory.AsAsync(Editor);
        // Whatever other tests left in the queue goes first: clear it so this test's counts are its own.
        await _factory.WithDbAsync(db => db.Articles.Where(a => a.SubmittedAt != null).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, (DateTime?)null)));
        var ids = new List<int>();
        foreach (var headline in new[] { "Queue story submitted first", "Queue story submitted second", "Queue story submitted third" })
        {
            var id = await ReporterDraftAsync(reporter, headline);
            await SaveAsync(reporter, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["ReviewNote"] = headline }, "submit");
            ids.Add(id);
            _factory.Clock.Advance(TimeSpan.FromHours(1));
        }

        var (response, queue) = await Html.GetAsync(editor, "/admin/articles?status=review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = queue.QuerySelectorAll(".review-queue tbody tr").Select(r => r.QuerySelector("a")!.GetAttribute("href")).ToList();
        Assert.Equal(ids.Select(i => $"/admin/articles/{i}/edit"), rows);
        Assert.Contains("3 hours", queue.QuerySelector(".review-queue tbody tr td:nth-child(3)")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ready for review (3)", queue.QuerySelector(".article-tabs")!.TextContent, StringComparison.Ordinal);
        var (_, all) = await Html.GetAsync(editor, "/admin/articles");
        Assert.Contains("Ready for review (3)", all.QuerySelector(".article-tabs")!.TextContent, StringComparison.Ordinal);

        var (dashboardResponse, dashboard) = await Html.GetAsync(editor, "/admin");
        Assert.Equal(HttpStatusCode.OK, dashboardResponse.StatusCode);
        Assert.Equal("3", dashboard.QuerySelector(".stat-review .stat-number")!.TextContent.Trim());
        Assert.Contains("3 hours", dashboard.QuerySelector(".oldest-review")!.TextContent, StringComparison.Ordinal);
        Assert.Null(dashboard.QuerySelector(".oldest-pending"));

        // Moderators keep their dashboard, without the newsroom's queue; a reporter sees their own stories.
        var (_, moderators) = await Html.GetAsync(await _factory.AsAsync(Moderator), "/admin");
        Assert.NotNull(moderators.QuerySelector(".oldest-pending"));
        Assert.Null(moderators.QuerySelector(".stat-review"));
        var (_, reporters) = await Html.GetAsync(reporter, "/admin");
        Assert.Null(reporters.QuerySelector(".stat-review"));
        Assert.Null(reporters.QuerySelector(".oldest-pending"));
        Assert.Contains("Ready for review", reporters.QuerySelector(".dashboard-mine")!.TextContent, StringComparison.Ordinal);
    }
}
