namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>Every save keeps a revision; the revisions page lists them and diffs any two, co-authors included.</summary>
public sealed class ArticleRevisionsTests(RevisionSite site) : ArticleRevisionsTestBase(site), IClassFixture<RevisionSite>
{
    [Fact]
    public async Task Save_EverySave_KeepsARevisionWithWhoWhenAndTheChangedFields()
    {
        var editor = await _site.EditorAsync(Editor);
        var fields = await _site.NewStoryAsync("Tram line reopens after repairs");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", fields, "savedraft"));
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["Headline"] = "Tram line reopens early" }, "savedraft"));
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string>(), "savedraft"));
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["BodyHtml"] = "<p>The line reopened at dawn.</p>", ["HeroImageUrl"] = "/images/articles/harbour.svg", ["HeroImageAlt"] = "The harbour" }, "publish"));

        var revisions = await RevisionsOfAsync(id);
        Assert.Equal(4, revisions.Count);
        Assert.All(revisions, r => Assert.Equal(Editor, r.CreatedBy));
        Assert.All(revisions, r => Assert.Equal("rev-editor", r.CreatedByName));
        Assert.Equal("Headline, Standfirst, Body, Section, Byline, Hero image, Status", revisions[0].ChangedFields);
        Assert.Equal("Headline", revisions[1].ChangedFields);
        Assert.Equal("Tram line reopens early", revisions[1].Headline);
        Assert.Equal(string.Empty, revisions[2].ChangedFields);
        Assert.Equal("Body, Hero image, Status", revisions[3].ChangedFields);
        Assert.Equal([false, false, false, true], revisions.Select(r => r.IsPublished));
        Assert.Equal(ArticleStatus.Published, revisions[3].Status);
        Assert.Equal("/images/articles/harbour.svg", revisions[3].HeroImageUrl);
        Assert.False(string.IsNullOrEmpty(revisions[3].SectionName));
        Assert.False(string.IsNullOrEmpty(revisions[3].Bylines));

        var (response, page) = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll(".revisions-table tbody tr");
        Assert.Equal(4, rows.Length);
        Assert.Contains("Body, Hero image, Status", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Published", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("rev-editor", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Draft", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevisionsPage_DiffBetweenTwoChosenRevisions_ShowsInsertionsAndDeletionsWithLabels()
    {
        var editor = await _site.EditorAsync(Editor);
        var fields = await _site.NewStoryAsync("Council votes on harbour plan", "<p>The council voted on Tuesday.</p>");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", fields, "savedraft"));
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string>
        {
            ["Headline"] = "Council narrowly backs harbour plan",
            ["BodyHtml"] = "<p>The council <strong>narrowly</strong> voted on Wednesday.</p>",
        }, "savedraft"));
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["Standfirst"] = "A third version." }, "savedraft"));
        var revisions = await RevisionsOfAsync(id);

        // The form as an editor submits it: the first revision in "From", the second in "To".
        var (_, list) = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        var compare = list.QuerySelector<IHtmlFormElement>("form#compare")!;
        Assert.NotNull(list.QuerySelector($"input[form='compare'][name='from'][value='{revisions[0].Id}']"));
        Assert.NotNull(list.QuerySelector($"input[form='compare'][name='to'][value='{revisions[1].Id}']"));
        var (response, page) = await Html.GetAsync(editor, $"{Html.ActionOf(compare)}?from={revisions[0].Id}&to={revisions[1].Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = page.QuerySelector(".revision-diff")!;
        var inserted = diff.QuerySelectorAll("ins").Select(e => e.TextContent).ToList();
        var deleted = diff.QuerySelectorAll("del").Select(e => e.TextContent).ToList();
        Assert.Contains(inserted, t => t.Contains("narrowly backs", StringComparison.Ordinal));
        Assert.Contains(deleted, t => t.Contains("votes on", StringComparison.Ordinal));
        Assert.Contains(inserted, t => t.Contains("[inserted: ", StringComparison.Ordinal) && t.Contains("Wednesday", StringComparison.Ordinal));
        Assert.Contains(deleted, t => t.Contains("[deleted: ", StringComparison.Ordinal) && t.Contains("Tuesday", StringComparison.Ordinal));
        Assert.Contains(diff.QuerySelectorAll("ins code"), c => c.TextContent == "<strong>");
        Assert.Contains(diff.QuerySelectorAll("ins code"), c => c.TextContent == "</strong>");
        Assert.Contains("The council", diff.QuerySelector(".diff-body")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(diff.QuerySelectorAll("ins, del"), e => e.TextContent.Contains("<p>", StringComparison.Ordinal));
        Assert.Contains("No change.", diff.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=abc&to=1", HttpStatusCode.BadRequest, "Choose two revisions")]
    [InlineData("?from=999999999&to=999999998", HttpStatusCode.OK, "not a revision of this story")]
    [InlineData("?from=1", HttpStatusCode.OK, "")]
    public async Task RevisionsPage_BadChoice_AnswersWithAMessageNotAnError(string query, HttpStatusCode expected, string message)
    {
        var editor = await _site.EditorAsync(Editor);
        var fields = await _site.NewStoryAsync($"Ferry fares frozen {Guid.NewGuid():N}");
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", fields, "savedraft"));
        var response = await editor.GetAsync(new Uri($"/admin/articles/{id}/revisions{query}", UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri("/admin/articles/999999/revisions", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CoAuthors_AChangeIsARevisionOfTheByline_TheDiffNamesThem_AndRestoreBringsThemBack()
    {
        var editor = await _site.EditorAsync(Editor);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (first, one, two) = await _site.WithDbAsync(async db =>
        {
            var a = new Author { Name = $"Rhea Quist {suffix}", Slug = $"rhea-quist-{suffix}" };
            var b = new Author { Name = $"Tomas Bell {suffix}", Slug = $"tomas-bell-{suffix}" };
            db.Authors.AddRange(a, b);
            await db.SaveChangesAsync();
            return (await db.Authors.OrderBy(x => x.Id).Select(x => x.Name).FirstAsync(), a, b);
        });
        var fields = await _site.NewStoryAsync($"Harbour crane sold {suffix}");
        var opened = await RevisionSite.OpenAsync(editor, "/admin/articles/new", fields);
        var id = RevisionSite.IdFrom(await RevisionSite.PostAsync(editor, opened.Action, WithCoAuthors(opened.Fields, one.Id), "savedraft"));

        // The same people, one more and in another order: a byline change, with nothing else changed.
        var edit = await RevisionSite.OpenAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Equal(HttpStatusCode.SeeOther, (await RevisionSite.PostAsync(editor, edit.Action, WithCoAuthors(edit.Fields, two.Id, one.Id), "savedraft")).StatusCode);

        var revisions = await RevisionsOfAsync(id);
        Assert.Equal(2, revisions.Count);
        Assert.Equal((one.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{first} and {one.Name}"), (revisions[0].CoAuthorIds, revisions[0].Bylines));
        Assert.Equal("Byline", revisions[1].ChangedFields);
        Assert.Equal($"{first}, {two.Name} and {one.Name}", revisions[1].Bylines);

        var (_, diffPage) = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions?from={revisions[0].Id}&to={revisions[1].Id}");
        Assert.Contains(diffPage.QuerySelectorAll(".revision-diff ins"), e => e.TextContent.Contains("Tomas Bell", StringComparison.Ordinal));

        // Restoring the first revision puts its co-authors back, in its order, as a new revision; the list replaced is kept.
        var (_, list) = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        var restoreForm = list.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => Html.ActionOf(f).EndsWith($"/{revisions[0].Id}/restore", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.SeeOther, (await Html.SubmitAsync(editor, restoreForm)).StatusCode);
        Assert.Equal([one.Id], await _site.WithDbAsync(db => db.ArticleCoAuthors.Where(c => c.ArticleId == id).OrderBy(c => c.Position).Select(c => c.AuthorId).ToListAsync()));
        var after = await RevisionsOfAsync(id);
        Assert.Equal((RevisionReason.Restored, "Byline", $"{first} and {one.Name}"), (after[^1].Reason, after[^1].ChangedFields, after[^1].Bylines));

        // The editor opened at a kept revision shows that revision's co-authors.
        var (_, atRevision) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit?revision={revisions[1].Id}");
        Assert.Equal(
            [two.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), one.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "0"],
            atRevision.QuerySelectorAll<IHtmlSelectElement>("select[name='CoAuthorIds']").Select(s => s.Value).ToArray());
    }

    private static List<KeyValuePair<string, string>> WithCoAuthors(List<KeyValuePair<string, string>> fields, params int[] ids)
    {
        var values = fields.Where(f => f.Key != "CoAuthorIds").ToList();
        values.AddRange(ids.Select(id => new KeyValuePair<string, string>("CoAuthorIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return values;
    }
}
