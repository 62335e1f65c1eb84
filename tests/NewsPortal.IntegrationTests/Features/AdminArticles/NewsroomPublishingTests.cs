namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>An article from draft to published: visibility, scheduling (also across clock changes), its sanitized body and its slug.</summary>
public sealed class NewsroomPublishingTests(NewsroomTestBase.Factory factory) : NewsroomTestBase(factory), IClassFixture<NewsroomTestBase.Factory>
{
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
        var local = TimeZoneInfo.ConvertTime(_factory.Clock.GetUtcNow().AddHours(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        var (_, saved) = await ScheduleNewAsync("Bridge reopening set for the morning", local.DateTime);

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
        var (_, response) = await ScheduleNewAsync("Yesterday's news, scheduled", new DateTime(2001, 1, 1, 9, 0, 0));

        var (page, message) = await ShownAgainAsync(response);
        Assert.Contains("That time has passed", message, StringComparison.Ordinal);
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

    /// <summary>A new article from the editor, scheduled for <paramref name="local"/> in the site's time zone.</summary>
    private async Task<(HttpClient Editor, HttpResponseMessage Response)> ScheduleNewAsync(string headline, DateTime local)
    {
        var editor = await _factory.EditorAsync();
        var fields = await NewArticleFieldsAsync(headline);
        fields["PublishAt"] = local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return (editor, await SaveAsync(editor, "/admin/articles/new", fields, "schedule"));
    }

    /// <summary>The editor shown again (200, not a redirect) and the message under its publish time.</summary>
    private static async Task<(IHtmlDocument Page, string Message)> ShownAgainAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        return (page, page.QuerySelector("#PublishAt-error")!.TextContent.Trim());
    }

    /// <summary>A new article scheduled for the night the clocks change in <paramref name="month"/>, and the editor shown again.</summary>
    private async Task<(HttpClient Editor, DateTime Local, IHtmlDocument Page, string Message)> ScheduleForTheClockChangeAsync(string headline, int month)
    {
        var local = NextLastSundayAtHalfPastOne(month);
        var (editor, response) = await ScheduleNewAsync(headline, local);
        var (page, message) = await ShownAgainAsync(response);
        return (editor, local, page, message);
    }

    [Fact]
    public async Task Schedule_InTheHourSkippedInSpring_IsRefusedNamingTheGap()
    {
        var (_, skipped, page, message) = await ScheduleForTheClockChangeAsync("Clocks go forward tonight", 3);

        Assert.Equal(
            $"01:30 on Sunday {skipped.Day} March {skipped.Year} does not exist in Europe/London: the clocks go forward from 01:00 to 02:00. Choose a time before 01:00 or from 02:00.",
            message);
        Assert.Equal("Clocks go forward tonight", ((IHtmlInputElement)page.QuerySelector("#Headline")!).Value);
        Assert.False(await _factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == "clocks-go-forward-tonight")));
    }

    [Fact]
    public async Task Schedule_InTheHourRepeatedInAutumn_AsksWhichOneAndKeepsTheChoice()
    {
        var (editor, repeated, page, message) = await ScheduleForTheClockChangeAsync("Clocks go back tonight", 10);

        Assert.Equal(
            $"01:30 on Sunday {repeated.Day} October {repeated.Year} happens twice in Europe/London, because the clocks go back that night: first at UTC+01:00, then again an hour later at UTC+00:00. Choose which one you mean below.",
            message);
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
}
