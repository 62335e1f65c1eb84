namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>Autosave: one slot per person and story, never published, not a revision, offered when the editor opens again.</summary>
public sealed class AutosaveTests(RevisionSite site) : IClassFixture<RevisionSite>
{
    private static List<KeyValuePair<string, string>> Autosave(List<KeyValuePair<string, string>> fields, Dictionary<string, string> typed)
    {
        var values = fields.Where(f => !typed.ContainsKey(f.Key)).ToList();
        values.AddRange(typed.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));
        return values;
    }

    [Fact]
    public async Task Autosave_KeepsAPerPersonSlot_ThatNeverPublishes_AndIsOfferedOnReopen()
    {
        var ana = await site.EditorAsync("ana.ruiz@test.example");
        var ben = await site.EditorAsync("ben.okafor@test.example");
        var fields = await site.NewStoryAsync($"Pool reopens {Guid.NewGuid():N}", "<p>Published text.</p>");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(ana, "/admin/articles/new", fields, "publish"));
        var slug = await site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var url = $"/admin/articles/{id}/edit";
        var (_, opened) = await RevisionSite.OpenAsync(ana, url);

        var response = await Html.PostAsync(ana, $"/admin/articles/{id}/autosave", Autosave(opened, new Dictionary<string, string> { ["BodyHtml"] = "<p>Half-written change.</p>", ["Headline"] = "A headline not yet saved" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Matches(@"^\d\d:\d\d$", json.RootElement.GetProperty("savedAt").GetString());
        }

        // Nothing reached the story, its revisions or readers.
        var story = await site.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("<p>Published text.</p>", story.BodyHtml);
        Assert.Equal(1, await site.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
        Assert.DoesNotContain("Half-written", await site.CreateClient().GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative)), StringComparison.Ordinal);

        // Reopened (a new session, as after a browser crash): offered to Ana, not to Ben.
        var anaAgain = await site.SignedInAsync("ana.ruiz@test.example");
        var (_, page) = await Html.GetAsync(anaAgain, url);
        Assert.Matches(@"^Restore your unsaved changes from \d\d:\d\d\?$", page.QuerySelector(".autosave-offer h2")!.TextContent);
        Assert.Equal("<p>Published text.</p>", page.QuerySelector<IHtmlTextAreaElement>("textarea#BodyHtml")!.Value);
        Assert.Null((await Html.GetAsync(ben, url)).Document.QuerySelector(".autosave-offer"));

        // Restore fills the form; the story is still untouched until a save.
        var restoreHref = page.QuerySelector(".autosave-offer a.button")!.GetAttribute("href")!;
        var (_, restored) = await Html.GetAsync(anaAgain, restoreHref);
        Assert.Equal("<p>Half-written change.</p>", restored.QuerySelector<IHtmlTextAreaElement>("textarea#BodyHtml")!.Value);
        Assert.Equal("A headline not yet saved", restored.QuerySelector<IHtmlInputElement>("input#Headline")!.Value);
        Assert.Contains("are in the form below", restored.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("<p>Published text.</p>", await site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync()));

        // Discard empties the slot.
        var discard = page.QuerySelector(".autosave-offer form")!;
        var discarded = await Html.SubmitAsync(anaAgain, (IHtmlFormElement)discard);
        Assert.Equal(HttpStatusCode.SeeOther, discarded.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(s => s.ArticleId == id)));
        Assert.Null((await Html.GetAsync(anaAgain, url)).Document.QuerySelector(".autosave-offer"));
    }

    [Fact]
    public async Task Autosave_KeepsTheCoAuthorsAsChosen_AndTheRestoreGivesThemBack()
    {
        var ana = await site.EditorAsync("ana.coauthors@test.example");
        var ids = await site.WithDbAsync(async db =>
        {
            var a = new NewsPortal.Web.Domain.Author { Name = "Ines Varga", Slug = $"ines-varga-{Guid.NewGuid():N}" };
            var b = new NewsPortal.Web.Domain.Author { Name = "Omar Haddad", Slug = $"omar-haddad-{Guid.NewGuid():N}" };
            db.Authors.AddRange(a, b);
            await db.SaveChangesAsync();
            return new[] { b.Id, a.Id }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        });
        var fields = await site.NewStoryAsync($"Market hall repaired {Guid.NewGuid():N}");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(ana, "/admin/articles/new", fields, "savedraft"));
        var url = $"/admin/articles/{id}/edit";
        var (_, opened) = await RevisionSite.OpenAsync(ana, url);
        var typed = opened.Where(f => f.Key != "CoAuthorIds").ToList();
        typed.AddRange(ids.Select(i => new KeyValuePair<string, string>("CoAuthorIds", i)));
        Assert.Equal(HttpStatusCode.OK, (await Html.PostAsync(ana, $"/admin/articles/{id}/autosave", typed)).StatusCode);
        Assert.Empty(await site.WithDbAsync(db => db.ArticleCoAuthors.Where(c => c.ArticleId == id).ToListAsync()));

        var (_, page) = await Html.GetAsync(ana, url);
        var (_, restored) = await Html.GetAsync(ana, page.QuerySelector(".autosave-offer a.button")!.GetAttribute("href")!);
        Assert.Equal([.. ids, "0", "0"], restored.QuerySelectorAll<IHtmlSelectElement>("select[name='CoAuthorIds']").Select(s => s.Value).ToArray());
    }

    [Fact]
    public async Task Autosave_OfANewUnsavedStory_IsOfferedOnTheNewStoryPage_AndClearedByTheSave()
    {
        var ana = await site.EditorAsync("ana.new@test.example");
        var (_, opened) = await RevisionSite.OpenAsync(ana, "/admin/articles/new");
        var response = await Html.PostAsync(ana, "/admin/articles/new/autosave", Autosave(opened, new Dictionary<string, string> { ["Headline"] = "A story never saved", ["BodyHtml"] = "<p>Typed before the crash.</p>" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "A story never saved")));

        var (_, page) = await Html.GetAsync(ana, "/admin/articles/new");
        Assert.NotNull(page.QuerySelector(".autosave-offer"));
        var (_, restored) = await Html.GetAsync(ana, "/admin/articles/new?restore=autosave");
        Assert.Equal("A story never saved", restored.QuerySelector<IHtmlInputElement>("input#Headline")!.Value);

        var fields = await site.NewStoryAsync($"A story saved at last {Guid.NewGuid():N}");
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(ana, "/admin/articles/new?restore=autosave", fields, "savedraft"));
        Assert.Null((await Html.GetAsync(ana, "/admin/articles/new")).Document.QuerySelector(".autosave-offer"));
    }

    [Theory]
    [InlineData("Headline", 201, "headline is longer than 200")]
    [InlineData("BodyHtml", 200_001, "body is longer than 200000")]
    [InlineData("CategoryId", -1, "section is not one of the choices")]
    [InlineData("AuthorId", 0, "is not valid")]
    public async Task Autosave_BadInput_Is400WithAMessage(string field, int size, string message)
    {
        var ana = await site.EditorAsync("ana.bad@test.example");
        var fields = await site.NewStoryAsync($"Bad autosave {Guid.NewGuid():N}");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(ana, "/admin/articles/new", fields, "savedraft"));
        var (_, opened) = await RevisionSite.OpenAsync(ana, $"/admin/articles/{id}/edit");
        var value = field switch
        {
            "CategoryId" => "-1",
            "AuthorId" => "not-a-number",
            _ => new string('x', size),
        };
        var response = await Html.PostAsync(ana, $"/admin/articles/{id}/autosave", Autosave(opened, new Dictionary<string, string> { [field] = value }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.False(await site.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(s => s.ArticleId == id)));
    }

    [Fact]
    public async Task Autosave_WithoutTheAntiforgeryToken_Is400_AndForAStoryThatDoesNotExist_Is404()
    {
        var ana = await site.EditorAsync("ana.bad@test.example");
        var (_, opened) = await RevisionSite.OpenAsync(ana, "/admin/articles/new");
        Assert.Equal(HttpStatusCode.BadRequest, (await Html.PostAsync(ana, "/admin/articles/new/autosave", opened.Where(f => f.Key != "__RequestVerificationToken"))).StatusCode);
        var missing = await Html.PostAsync(ana, "/admin/articles/987654/autosave", opened);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no longer exists", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosave_ByAModerator_IsRefused()
    {
        await site.CreateStaffAsync("moderator.only@test.example", NewsPortal.Web.Infrastructure.Identity.Roles.Moderator);
        var moderator = await site.SignedInAsync("moderator.only@test.example");
        var response = await moderator.PostAsync(new Uri("/admin/articles/new/autosave", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri("/admin/articles/1/revisions", UriKind.Relative))).StatusCode);
    }
}
