using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Identity;

namespace NewsPortal.IntegrationTests.Features.AdminArticles;

public sealed class NewsroomTests : IClassFixture<NewsroomTests.Factory>
{
    private const string Editor = "newsroom-editor@test.example";
    private readonly Factory _factory;

    public NewsroomTests(Factory factory) => _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        private bool _seeded;

        public Factory()
        {
            Time = Clock;
            this.WithAdmin();
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public async Task<HttpClient> EditorAsync()
        {
            if (!_seeded)
            {
                _seeded = true;
                await this.CreateStaffAsync(Editor, Roles.Editor);
            }

            return await this.SignedInAsync(Editor);
        }
    }

    private async Task<Dictionary<string, string>> NewArticleFieldsAsync(string headline, string body = "<p>First paragraph.</p>")
    {
        var ids = await _factory.WithDbAsync(async db => (
            await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()));
        return new Dictionary<string, string>
        {
            ["Headline"] = headline,
            ["Standfirst"] = "What happened, in one sentence.",
            ["BodyHtml"] = body,
            ["CategoryId"] = ids.Item1.ToString(CultureInfo.InvariantCulture),
            ["AuthorId"] = ids.Item2.ToString(CultureInfo.InvariantCulture),
            ["Tags"] = "newsroom test, elections",
        };
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string url, Dictionary<string, string> values, string intent)
    {
        var (_, page) = await Html.GetAsync(editor, url);
        var form = page.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        var fields = Html.FormValues(form, values);
        fields.Add(new("intent", intent));
        return await Html.PostAsync(editor, Html.ActionOf(form), fields);
    }

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);

    private Task<HttpStatusCode> ReaderStatusAsync(string slug) =>
        _factory.CreateClient().GetAsync(new Uri($"/news/{slug}", UriKind.Relative)).ContinueWith(t => t.Result.StatusCode, TaskScheduler.Default);

    [Fact]
    public async Task Draft_IsInvisibleUntilPublished_ThenUnpublishHidesItAgain()
    {
        var editor = await _factory.EditorAsync();
        var fields = await NewArticleFieldsAsync("Harbour board approves night ferries");

        var draft = await SaveAsync(editor, "/admin/articles/new", fields, "savedraft");
        Assert.Equal(HttpStatusCode.SeeOther, draft.StatusCode);
        var id = IdFrom(draft);
        Assert.Equal(HttpStatusCode.NotFound, await ReaderStatusAsync("harbour-board-approves-night-ferries"));

        var (_, preview) = await Html.GetAsync(editor, $"/admin/articles/{id}/preview");
        Assert.Contains("Preview", preview.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Harbour board approves night ferries", preview.QuerySelector("h1")!.TextContent.Trim());

        await SaveAsync(editor, $"/admin/articles/{id}/edit", [], "publish");
        Assert.Equal(HttpStatusCode.OK, await ReaderStatusAsync("harbour-board-approves-night-ferries"));
        var (_, front) = await Html.GetAsync(_factory.CreateClient(), "/");
        Assert.Contains("/news/harbour-board-approves-night-ferries", Html.Links(front, "/news/"));

        await SaveAsync(editor, $"/admin/articles/{id}/edit", [], "unpublish");
        Assert.Equal(HttpStatusCode.NotFound, await ReaderStatusAsync("harbour-board-approves-night-ferries"));
    }

    [Fact]
    public async Task ScheduledArticle_AppearsByItselfWhenItsTimeComes()
    {
        var editor = await _factory.EditorAsync();
        var fields = await NewArticleFieldsAsync("Bridge reopening set for the morning");
        var local = TimeZoneInfo.ConvertTime(_factory.Clock.GetUtcNow().AddHours(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        fields["PublishAt"] = local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var saved = await SaveAsync(editor, "/admin/articles/new", fields, "schedule");

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var article = await _factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "bridge-reopening-set-for-the-morning"));
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(HttpStatusCode.NotFound, await ReaderStatusAsync(article.Slug));

        _factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, await ReaderStatusAsync(article.Slug));
        var feed = await _factory.CreateClient().GetStringAsync(new Uri("/feed.xml", UriKind.Relative));
        Assert.Contains(article.Slug, feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_InThePast_IsRefusedWithAMessage()
    {
        var editor = await _factory.EditorAsync();
        var fields = await NewArticleFieldsAsync("Yesterday's news, scheduled");
        fields["PublishAt"] = "2001-01-01T09:00";

        var response = await SaveAsync(editor, "/admin/articles/new", fields, "schedule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("That time has passed", page.QuerySelector("#PublishAt-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Yesterday's news, scheduled", ((IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
    }

    /// <summary>01:30 on the next last Sunday of <paramref name="month"/> at least a week ahead of the test clock.</summary>
    private DateTime NextLastSundayAtHalfPastOne(int month)
    {
        for (var year = _factory.Clock.GetUtcNow().Year; ; year++)
        {
            var day = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 30, 0, DateTimeKind.Unspecified);
            while (day.DayOfWeek != DayOfWeek.Sunday)
            {
                day = day.AddDays(-1);
            }

            if (day > _factory.Clock.GetUtcNow().UtcDateTime.AddDays(7))
            {
                return day;
            }
        }
    }

    [Fact]
    public async Task Schedule_InTheHourSkippedInSpring_IsRefusedNamingTheGap()
    {
        var editor = await _factory.EditorAsync();
        var fields = await NewArticleFieldsAsync("Clocks go forward tonight");
        var skipped = NextLastSundayAtHalfPastOne(3);
        fields["PublishAt"] = skipped.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var response = await SaveAsync(editor, "/admin/articles/new", fields, "schedule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(
            $"01:30 on Sunday {skipped.Day} March {skipped.Year} does not exist in Europe/London: the clocks go forward from 01:00 to 02:00. Choose a time before 01:00 or from 02:00.",
            page.QuerySelector("#PublishAt-error")!.TextContent.Trim());
        Assert.Equal("Clocks go forward tonight", ((IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
        Assert.False(await _factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == "clocks-go-forward-tonight")));
    }

    [Fact]
    public async Task Schedule_InTheHourRepeatedInAutumn_AsksWhichOneAndKeepsTheChoice()
    {
        var editor = await _factory.EditorAsync();
        var fields = await NewArticleFieldsAsync("Clocks go back tonight");
        var repeated = NextLastSundayAtHalfPastOne(10);
        fields["PublishAt"] = repeated.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var asked = await SaveAsync(editor, "/admin/articles/new", fields, "schedule");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await Html.ParseAsync(asked);
        Assert.Equal(
            $"01:30 on Sunday {repeated.Day} October {repeated.Year} happens twice in Europe/London, because the clocks go back that night: first at UTC+01:00, then again an hour later at UTC+00:00. Choose which one you mean below.",
            page.QuerySelector("#PublishAt-error")!.TextContent.Trim());
        var choices = page.QuerySelectorAll<IHtmlInputElement>("input[name='PublishAtOffset']").ToList();
        Assert.Equal(["+01:00", "+00:00"], choices.Select(c => c.Value));
        Assert.Equal("The second 01:30, after the clocks go back (UTC+00:00)", page.QuerySelector($"label[for='{choices[1].Id}']")!.TextContent.Trim());
        Assert.False(await _factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == "clocks-go-back-tonight")));

        var form = page.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        var again = Html.FormValues(form, new Dictionary<string, string> { ["PublishAtOffset"] = "+00:00" });
        again.Add(new("intent", "schedule"));
        var saved = await Html.PostAsync(editor, Html.ActionOf(form), again);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var article = await _factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "clocks-go-back-tonight"));
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(new DateTime(repeated.Year, 10, repeated.Day, 1, 30, 0), article.PublishedAt);
        var (_, edit) = await Html.GetAsync(editor, saved.Headers.Location!.OriginalString);
        Assert.True(edit.QuerySelector<IHtmlInputElement>("input[name='PublishAtOffset'][value='+00:00']")!.IsChecked);
    }

    [Fact]
    public async Task Body_IsSanitizedWithTheArticlePolicy()
    {
        var editor = await _factory.EditorAsync();
        var body = """
            <h2 onclick="alert(1)">Sub-heading</h2><p style="color:red">Text <a href="javascript:alert(1)">bad</a> <a href="https://example.org">good</a></p>
            <script>alert(1)</script><style>p{}</style><form action="/x"><input name="q"></form><iframe src="https://evil.example"></iframe>
            <figure><img src="/images/articles/harbour.svg" alt="Quay" onerror="alert(1)"><figcaption>Caption</figcaption></figure>
            <table><tr><td>cell</td></tr></table><blockquote>Quote</blockquote><ul><li>item</li></ul>
            """;
        var fields = await NewArticleFieldsAsync("Sanitizer policy check", body);

        var saved = await SaveAsync(editor, "/admin/articles/new", fields, "publish");

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var stored = await _factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "sanitizer-policy-check").Select(a => a.BodyHtml).SingleAsync());
        foreach (var banned in new[] { "<script", "<style", "<form", "<input", "<iframe", "onclick", "onerror", "style=", "javascript:" })
        {
            Assert.DoesNotContain(banned, stored, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var kept in new[] { "<h2>Sub-heading</h2>", "<figure>", "<figcaption>Caption</figcaption>", "alt=\"Quay\"", "<table>", "<blockquote>Quote</blockquote>", "<li>item</li>", "href=\"https://example.org\"" })
        {
            Assert.Contains(kept, stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ChangingThePublishedSlug_KeepsTheOldUrlWorkingWith301()
    {
        var editor = await _factory.EditorAsync();
        var published = await SaveAsync(editor, "/admin/articles/new", await NewArticleFieldsAsync("Council tax freeze announced"), "publish");
        var id = IdFrom(published);

        var renamed = await SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["Slug"] = "council-tax-frozen-for-2027" }, "publish");

        Assert.Equal(HttpStatusCode.SeeOther, renamed.StatusCode);
        var response = await _factory.CreateNoRedirectClient().GetAsync(new Uri("/news/council-tax-freeze-announced", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/news/council-tax-frozen-for-2027", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, await ReaderStatusAsync("council-tax-frozen-for-2027"));
    }

    [Fact]
    public async Task DuplicateSlug_IsRefusedNextToTheField()
    {
        var editor = await _factory.EditorAsync();
        var existing = await _factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync());
        var fields = await NewArticleFieldsAsync("Another story");
        fields["Slug"] = existing;

        var response = await SaveAsync(editor, "/admin/articles/new", fields, "publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("already used by another article", page.QuerySelector("#Slug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Slug == existing)));
    }

    [Fact]
    public async Task ArticleList_FiltersByStatusAndSearches()
    {
        var editor = await _factory.EditorAsync();
        await SaveAsync(editor, "/admin/articles/new", await NewArticleFieldsAsync("Quarry expansion draft"), "savedraft");

        var (_, drafts) = await Html.GetAsync(editor, "/admin/articles?status=draft&q=quarry");
        var (_, published) = await Html.GetAsync(editor, "/admin/articles?status=published&q=quarry");

        Assert.Contains("Quarry expansion draft", drafts.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarry expansion draft", published.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticleList_IsNewestFirstByPublishTimeOrCreation_AndAPagePastTheEndShowsTheLastPage()
    {
        var now = DateTime.UtcNow;
        await _factory.WithDbAsync(async db =>
        {
            await new ArticleBuilder().Headline("Lighthouse keeper published long ago").PublishedAt(now.AddDays(-2)).SaveAsync(db);
            await new ArticleBuilder().Headline("Lighthouse keeper scheduled").ScheduledFor(now.AddDays(1)).SaveAsync(db);
            var draft = await new ArticleBuilder().Headline("Lighthouse keeper draft").Draft().SaveAsync(db);
            draft.PublishedAt = null;
            draft.CreatedAt = now.AddHours(-1);
            await db.SaveChangesAsync();
        });
        var editor = await _factory.EditorAsync();

        var (_, list) = await Html.GetAsync(editor, "/admin/articles?q=lighthouse+keeper");
        var (response, pastTheEnd) = await Html.GetAsync(editor, "/admin/articles?q=lighthouse+keeper&page=9999");

        string[] expected = ["Lighthouse keeper scheduled", "Lighthouse keeper draft", "Lighthouse keeper published long ago"];
        Assert.Equal(expected, list.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, pastTheEnd.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task ArticleList_Search_FindsAPastedSlugByItsStart_AndCountsAManyMatchSearchOnlyToTheLimit()
    {
        var word = "zr" + Guid.NewGuid().ToString("N")[..10];
        var address = "a" + Guid.NewGuid().ToString("N")[..12];
        await _factory.WithDbAsync(async db =>
        {
            var first = await new ArticleBuilder().Headline("The harbour wall holds").Slug($"{address}-harbour-wall").SaveAsync(db);
            db.Articles.AddRange(Enumerable.Range(0, NewsPortal.Web.Features.Shared.Paging.SearchCountLimit + 1).Select(i => new Article
            {
                Slug = $"{word}-{i}",
                Headline = $"Bulk story {i}",
                Standfirst = "Standfirst.",
                BodyHtml = $"<p>The {word} story.</p>",
                Status = ArticleStatus.Draft,
                CreatedAt = DateTime.UtcNow.AddDays(-2),
                CategoryId = first.CategoryId,
                AuthorId = first.AuthorId,
            }));
            await db.SaveChangesAsync();
        });
        var editor = await _factory.EditorAsync();

        var (_, bySlug) = await Html.GetAsync(editor, $"/admin/articles?q={address}-harb");
        var (_, many) = await Html.GetAsync(editor, $"/admin/articles?q={word}");
        var (response, deep) = await Html.GetAsync(editor, $"/admin/articles?q={word}&page=41");

        Assert.Equal(["The harbour wall holds"], bySlug.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal("1 article", bySlug.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Equal(
            $"More than {NewsPortal.Web.Features.Shared.Paging.SearchCountLimit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} articles; narrow the search to see how many.",
            many.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(deep.QuerySelectorAll("table tbody tr"));
    }

    [Fact]
    public async Task ArticleList_DeepPageOfAStatus_ShowsTheLastPageWithItsPendingCounts()
    {
        var article = await _factory.WithDbAsync(async db =>
        {
            var a = await new ArticleBuilder().Headline("Oldest scheduled piece").ScheduledFor(DateTime.UtcNow.AddMinutes(5)).SaveAsync(db);
            db.Comments.Add(new Comment { ArticleId = a.Id, AuthorName = "R", AuthorEmail = "r@example.com", BodyHtml = "<p>Early.</p>", Status = CommentStatus.Pending, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return a;
        });
        var editor = await _factory.EditorAsync();

        var (response, page) = await Html.GetAsync(editor, "/admin/articles?status=scheduled&page=9999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Scheduled", r.QuerySelector(".status")!.TextContent.Trim()));
        Assert.Null(page.QuerySelector(".pager a[rel=next]"));
        var row = rows.Single(r => r.TextContent.Contains(article.Headline, StringComparison.Ordinal));
        Assert.Equal($"/admin/comments?status=pending&article={article.Id}", row.QuerySelector("td:last-child a")!.GetAttribute("href"));
        Assert.Equal("1", row.QuerySelector("td:last-child")!.TextContent.Trim());
    }

    [Fact]
    public async Task ArticleList_Search_FindsADraftByItsBodyThroughTheIndexAndEditsMoveIt()
    {
        var editor = await _factory.EditorAsync();
        var before = "zq" + Guid.NewGuid().ToString("N")[..10];
        var after = "zq" + Guid.NewGuid().ToString("N")[..10];
        var fields = await NewArticleFieldsAsync("Untitled draft for the index", $"<p>The <strong>{before}</strong> report.</p>");
        var created = await SaveAsync(editor, "/admin/articles/new", fields, "savedraft");
        var id = await _factory.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Untitled draft for the index").Select(a => a.Id).SingleAsync());

        var (_, byBody) = await Html.GetAsync(editor, $"/admin/articles?q={before}");
        fields["BodyHtml"] = $"<p>The {after} report.</p>";
        await SaveAsync(editor, $"/admin/articles/{id}/edit", fields, "savedraft");
        var (_, oldWord) = await Html.GetAsync(editor, $"/admin/articles?q={before}");
        var (_, newWord) = await Html.GetAsync(editor, $"/admin/articles?q={after}");

        Assert.True((int)created.StatusCode < 400);
        Assert.Contains("Untitled draft for the index", byBody.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Untitled draft for the index", oldWord.QuerySelector("table")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Untitled draft for the index", newWord.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }
}
