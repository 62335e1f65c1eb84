namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>Restoring a revision makes a new one with the old values and loses nothing; on a published story readers keep the live text.</summary>
public sealed class RevisionRestoreTests(RevisionSite site) : ArticleRevisionsTestBase(site), IClassFixture<RevisionSite>
{
    [Fact]
    public async Task Restore_OnADraft_MakesANewRevisionWithTheOldValuesAndLosesNothing()
    {
        var editor = await _site.EditorAsync(Editor);
        var fields = await _site.NewStoryAsync("Library hours extended", "<p>First text.</p>");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", fields, "savedraft"));
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["Headline"] = "Library hours cut", ["BodyHtml"] = "<p>Second text.</p>" }, "savedraft"));
        var first = (await RevisionsOfAsync(id))[0];

        var (_, list) = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        var restoreForm = list.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => Html.ActionOf(f) == $"/admin/articles/{id}/revisions/{first.Id}/restore");
        var response = await Html.SubmitAsync(editor, restoreForm);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/admin/articles/{id}/edit", response.Headers.Location!.OriginalString);

        var article = await _site.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("Library hours extended", article.Headline);
        Assert.Equal("<p>First text.</p>", article.BodyHtml);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        var revisions = await RevisionsOfAsync(id);
        Assert.Equal(3, revisions.Count);
        Assert.Equal("<p>Second text.</p>", revisions[1].BodyHtml);
        Assert.Equal(RevisionReason.Restored, revisions[2].Reason);
        Assert.Equal(first.Id, revisions[2].RestoredFromId);
        Assert.Equal("Headline, Body", revisions[2].ChangedFields);
        Assert.Equal("<p>First text.</p>", revisions[2].BodyHtml);

        var (_, editorPage) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Contains("Restored the version of", editorPage.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_OnAPublishedStory_ReadersKeepTheLiveTextAndTheOldOneOpensInTheEditor()
    {
        var editor = await _site.EditorAsync(Editor);
        var fields = await _site.NewStoryAsync("Bridge toll scrapped", "<p>Live first.</p>");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", fields, "publish"));
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["BodyHtml"] = "<p>Live second.</p>" }, "publish"));
        var first = (await RevisionsOfAsync(id))[0];
        var slug = await _site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());

        var (_, list) = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        var restoreForm = list.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => Html.ActionOf(f).EndsWith($"/{first.Id}/restore", StringComparison.Ordinal));
        var response = await Html.SubmitAsync(editor, restoreForm);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/admin/articles/{id}/edit?revision=", location, StringComparison.Ordinal);

        Assert.Equal("<p>Live second.</p>", await _site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync()));
        var reader = await _site.CreateClient().GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative));
        Assert.Contains("Live second.", reader, StringComparison.Ordinal);
        var revisions = await RevisionsOfAsync(id);
        Assert.Equal(3, revisions.Count);
        Assert.Equal((RevisionReason.Restored, false, "<p>Live first.</p>"), (revisions[2].Reason, revisions[2].IsPublished, revisions[2].BodyHtml));

        var (_, page) = await Html.GetAsync(editor, location);
        Assert.Equal("<p>Live first.</p>", page.QuerySelector<IHtmlTextAreaElement>("textarea#BodyHtml")!.Value);
        Assert.Contains("Readers still see the published text", page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);

        // "Update published article" from there publishes the restored text, as a new published revision.
        var (action, fieldsNow) = await RevisionSite.OpenAsync(editor, location);
        Assert.Equal(HttpStatusCode.SeeOther, (await RevisionSite.PostAsync(editor, action, fieldsNow, "publish")).StatusCode);
        Assert.Equal("<p>Live first.</p>", await _site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync()));
        Assert.True((await RevisionsOfAsync(id))[^1].IsPublished);
    }

    [Fact]
    public async Task Restore_OfAStoryLastWrittenBeforeRevisions_KeepsItsCurrentTextAsARevisionFirst()
    {
        var editor = await _site.EditorAsync(Editor);
        var fields = await _site.NewStoryAsync("Market moves to the square", "<p>Old text.</p>");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", fields, "savedraft"));
        var first = (await RevisionsOfAsync(id))[0];

        // A change that made no revision (as every story had before revisions existed).
        await _site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.BodyHtml, "<p>Text from before revisions.</p>")));
        var (_, list) = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        var restoreForm = list.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => Html.ActionOf(f).EndsWith($"/{first.Id}/restore", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.SeeOther, (await Html.SubmitAsync(editor, restoreForm)).StatusCode);

        var revisions = await RevisionsOfAsync(id);
        Assert.Contains(revisions, r => r.Reason == RevisionReason.KeptBeforeRestore && r.BodyHtml == "<p>Text from before revisions.</p>");
        Assert.Equal("<p>Old text.</p>", await _site.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync()));
    }

    [Fact]
    public async Task Restore_UnknownRevisionOrOneOfAnotherStory_Is404()
    {
        var editor = await _site.EditorAsync(Editor);
        var a = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", await _site.NewStoryAsync("Story A for restore"), "savedraft"));
        var b = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", await _site.NewStoryAsync("Story B for restore"), "savedraft"));
        var ofB = (await RevisionsOfAsync(b))[0].Id;
        var (_, list) = await Html.GetAsync(editor, $"/admin/articles/{a}/revisions");
        var restoreForm = list.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => Html.ActionOf(f).EndsWith("/restore", StringComparison.Ordinal));
        var token = Html.FormValues(restoreForm);
        Assert.Equal(HttpStatusCode.NotFound, (await Html.PostAsync(editor, $"/admin/articles/{a}/revisions/{ofB}/restore", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Html.PostAsync(editor, $"/admin/articles/{a}/revisions/987654321/restore", token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Html.PostAsync(editor, $"/admin/articles/{a}/revisions/{ofB}/restore", [])).StatusCode);
    }
}
