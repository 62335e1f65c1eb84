namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>Two people on one story: a save over a colleague's later one overwrites nothing; who else is editing is shown and expires.</summary>
public sealed class TwoEditorsTests(RevisionSite site) : IClassFixture<RevisionSite>
{
    /// <summary>Ana and Ben signed in as editors, and a story Ana has published (its headline made unique): its editor's address.</summary>
    private async Task<(HttpClient Ana, HttpClient Ben, int Id, string Url)> AnasPublishedStoryAsync(string headline)
    {
        var ana = await site.EditorAsync("ana.ruiz@test.example");
        var ben = await site.EditorAsync("ben.okafor@test.example");
        var fields = await site.NewStoryAsync($"{headline} {Guid.NewGuid():N}", "<p>The first version of the story.</p>");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(ana, "/admin/articles/new", fields, "publish"));
        return (ana, ben, id, $"/admin/articles/{id}/edit");
    }

    [Fact]
    public async Task SecondSave_AfterAColleaguesSave_KeepsBothTexts_NamesThem_AndKeepMineSavesOverTheirs()
    {
        var (ana, ben, id, url) = await AnasPublishedStoryAsync("Harbour wall repairs begin");

        // Both open version 1.
        var (anaAction, anaFields) = await RevisionSite.OpenAsync(ana, url, new Dictionary<string, string> { ["BodyHtml"] = "<p>Ana's version of the story.</p>" });
        var (benAction, benFields) = await RevisionSite.OpenAsync(ben, url, new Dictionary<string, string> { ["BodyHtml"] = "<p>Ben's version of the story.</p>", ["Standfirst"] = "Ben's standfirst." });
        Assert.Equal(HttpStatusCode.SeeOther, (await RevisionSite.PostAsync(ana, anaAction, anaFields, "publish")).StatusCode);

        var conflict = await RevisionSite.PostAsync(ben, benAction, benFields, "publish");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ParseAsync(conflict);

        // Ben has his text back in the form; Ana's save is what the story holds.
        Assert.Equal("<p>Ben's version of the story.</p>", page.QuerySelector<IHtmlTextAreaElement>("textarea#BodyHtml")!.Value);
        Assert.Equal("Ben's standfirst.", page.QuerySelector<IHtmlTextAreaElement>("textarea#Standfirst")!.Value);
        var stored = await site.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("<p>Ana's version of the story.</p>", stored.BodyHtml);

        // The notice names Ana and says when; the diff is hers against his.
        var panel = page.QuerySelector(".conflict-panel")!;
        Assert.Contains("ana.ruiz saved this story at", panel.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(panel.QuerySelectorAll("del"), d => d.TextContent.Contains("Ana", StringComparison.Ordinal));
        Assert.Contains(panel.QuerySelectorAll("ins"), i => i.TextContent.Contains("Ben", StringComparison.Ordinal));
        Assert.NotNull(panel.QuerySelector("button[form='article-form'][name='intent'][value='publish']"));
        Assert.Equal($"/admin/articles/{id}/edit", panel.QuerySelector("a.button-secondary")!.GetAttribute("href"));

        // Ben's text is also in his autosave slot, so "take theirs" loses nothing of his either.
        var slot = await site.WithDbAsync(db => db.ArticleAutosaves.AsNoTracking().SingleAsync(s => s.ArticleId == id));
        Assert.Equal("<p>Ben's version of the story.</p>", slot.BodyHtml);
        var (_, takeTheirs) = await Html.GetAsync(ben, url);
        Assert.Equal("<p>Ana's version of the story.</p>", takeTheirs.QuerySelector<IHtmlTextAreaElement>("textarea#BodyHtml")!.Value);
        Assert.Contains("Restore your unsaved changes from", takeTheirs.QuerySelector(".autosave-offer h2")!.TextContent, StringComparison.Ordinal);

        // Keep mine: the conflict page's form, as returned, with the button Ben pressed.
        var form = page.QuerySelector<IHtmlFormElement>("form#article-form")!;
        var keepMine = await RevisionSite.PostAsync(ben, Html.ActionOf(form), Html.FormValues(form), "publish");
        Assert.Equal(HttpStatusCode.SeeOther, keepMine.StatusCode);

        stored = await site.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("<p>Ben's version of the story.</p>", stored.BodyHtml);
        var revisions = await site.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Contains(revisions, r => r.BodyHtml == "<p>Ana's version of the story.</p>" && r.CreatedBy == "ana.ruiz@test.example" && r.IsPublished);
        Assert.Equal(("<p>Ben's version of the story.</p>", "ben.okafor@test.example", RevisionReason.KeptOverConflict), (revisions[^1].BodyHtml, revisions[^1].CreatedBy, revisions[^1].Reason));

        // Saving made Ben's slot stale: it is gone.
        Assert.False(await site.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(s => s.ArticleId == id)));
    }

    [Fact]
    public async Task TwoSavesFromTheSameVersionAtOnce_OneIsSaved_TheOtherIsAConflictWithItsTextKept()
    {
        var (ana, ben, id, url) = await AnasPublishedStoryAsync("Rail strike called off");
        var (anaAction, anaFields) = await RevisionSite.OpenAsync(ana, url, new Dictionary<string, string> { ["BodyHtml"] = "<p>Ana at the same moment.</p>" });
        var (benAction, benFields) = await RevisionSite.OpenAsync(ben, url, new Dictionary<string, string> { ["BodyHtml"] = "<p>Ben at the same moment.</p>" });

        var answers = await Task.WhenAll(
            RevisionSite.PostAsync(ana, anaAction, anaFields, "publish"),
            RevisionSite.PostAsync(ben, benAction, benFields, "publish"));

        var statuses = answers.Select(a => a.StatusCode).OrderBy(s => s).ToList();
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.Conflict], statuses);
        var lost = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        var lostText = (await Html.ParseAsync(lost)).QuerySelector<IHtmlTextAreaElement>("textarea#BodyHtml")!.Value;
        var stored = await site.WithDbAsync(db => db.Articles.AsNoTracking().Select(a => new { a.Id, a.BodyHtml }).SingleAsync(a => a.Id == id));
        Assert.NotEqual(stored.BodyHtml, lostText);
        Assert.Contains(lostText, new[] { "<p>Ana at the same moment.</p>", "<p>Ben at the same moment.</p>" });
        Assert.Equal(2, await site.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task Presence_ShownToOthersOnPageLoadAndByHeartbeat_ExpiresWithoutOne_AndLocksNobodyOut()
    {
        var (ana, ben, id, url) = await AnasPublishedStoryAsync("Night buses return");

        var (_, anaPage) = await Html.GetAsync(ana, url);
        Assert.True(anaPage.QuerySelector("#editing-presence")!.HasAttribute("hidden"));
        var token = Html.FormValues(anaPage.QuerySelector<IHtmlFormElement>("form#article-form")!).Where(f => f.Key == "__RequestVerificationToken").ToList();
        var beat = await Html.PostAsync(ana, $"/admin/articles/{id}/presence", token);
        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
        var since = site.Clock.GetUtcNow();

        var (benResponse, benPage) = await Html.GetAsync(ben, url);
        Assert.Equal(HttpStatusCode.OK, benResponse.StatusCode);
        var notice = benPage.QuerySelector("#editing-presence")!;
        Assert.False(notice.HasAttribute("hidden"));
        Assert.Matches(@"^ana\.ruiz is editing \(since \d\d:\d\d\)$", notice.TextContent.Trim());
        Assert.NotNull(benPage.QuerySelector("form#article-form button[value='publish']"));

        // Ben's heartbeat answers with Ana; Ana's with Ben.
        var benToken = Html.FormValues(benPage.QuerySelector<IHtmlFormElement>("form#article-form")!).Where(f => f.Key == "__RequestVerificationToken").ToList();
        using (var json = JsonDocument.Parse(await (await Html.PostAsync(ben, $"/admin/articles/{id}/presence", benToken)).Content.ReadAsStringAsync()))
        {
            Assert.Equal(["ana.ruiz is editing (since " + EditorClock(since) + ")"], json.RootElement.GetProperty("editing").EnumerateArray().Select(e => e.GetString()));
        }

        // A minute and a bit without Ana's heartbeat: she no longer counts.
        site.Clock.Advance(TimeSpan.FromSeconds(61));
        var (_, later) = await Html.GetAsync(ben, url);
        Assert.True(later.QuerySelector("#editing-presence")!.HasAttribute("hidden"), later.QuerySelector("#editing-presence")!.TextContent);

        // Leaving says so at once.
        Assert.Equal(HttpStatusCode.OK, (await Html.PostAsync(ana, $"/admin/articles/{id}/presence", token)).StatusCode);
        Assert.False((await Html.GetAsync(ben, url)).Document.QuerySelector("#editing-presence")!.HasAttribute("hidden"));
        Assert.Equal(HttpStatusCode.NoContent, (await Html.PostAsync(ana, $"/admin/articles/{id}/presence/leave", token)).StatusCode);
        Assert.True((await Html.GetAsync(ben, url)).Document.QuerySelector("#editing-presence")!.HasAttribute("hidden"));

        Assert.Equal(HttpStatusCode.NotFound, (await Html.PostAsync(ana, "/admin/articles/987654/presence", token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Html.PostAsync(ana, $"/admin/articles/{id}/presence", [])).StatusCode);
    }

    private string EditorClock(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, site.Services.GetRequiredService<NewsPortal.Web.Infrastructure.Site.SiteClock>().TimeZone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
