namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>Corrections and updates on published stories, and the "substantive change" flag.</summary>
public sealed class ArticleCorrectionTests(ArticleCorrectionTests.Factory factory) : IClassFixture<ArticleCorrectionTests.Factory>
{
    private const string Editor = NewsroomFactory.Editor;
    private const string Reporter = NewsroomFactory.Reporter;

    public sealed class Factory : NewsroomFactory;

    private async Task<(int Id, string Slug)> PublishedAsync(HttpClient editor)
    {
        var saved = await ArticleReviewTests.SaveAsync(editor, "/admin/articles/new",
            await ArticleReviewTests.FieldsAsync(factory, $"Council budget story {Guid.NewGuid():N}"), "publish");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var id = ArticleReviewTests.IdFrom(saved);
        return (id, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync()));
    }

    private static JsonElement NewsArticleJson(IDocument page) =>
        JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

    private static string LocalDate(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Correction_IsOnTheNextPageRequest_BelowTheBody_AndInJsonLd_WithoutMovingUpdated()
    {
        var editor = await factory.AsAsync(Editor);
        var (id, slug) = await PublishedAsync(editor);
        var reader = factory.CreateClient();
        var (_, first) = await Html.GetAsync(reader, $"/news/{slug}");
        var modifiedBefore = NewsArticleJson(first).GetProperty("dateModified").GetString();
        factory.Clock.Advance(TimeSpan.FromHours(2));

        var added = await ArticleReviewTests.PostWithTokenAsync(editor, $"/admin/articles/{id}/notes",
            ("Kind", "correction"), ("Text", "An earlier version gave the wrong year for the vote."), ("Substantive", "false"));

        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var (_, page) = await Html.GetAsync(reader, $"/news/{slug}");
        var note = page.QuerySelector(".article-notes .article-note")!;
        Assert.Equal($"Correction, {LocalDate(factory.Clock.GetUtcNow())}: An earlier version gave the wrong year for the vote.",
            string.Join(' ', note.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.NotNull(page.QuerySelector(".article-body + .article-notes"));
        var json = NewsArticleJson(page);
        var correction = Assert.Single(json.GetProperty("correction").EnumerateArray());
        Assert.Equal("CorrectionComment", correction.GetProperty("@type").GetString());
        Assert.Equal("An earlier version gave the wrong year for the vote.", correction.GetProperty("text").GetString());
        Assert.Equal(modifiedBefore, json.GetProperty("dateModified").GetString());
        Assert.Null(page.QuerySelector(".byline .dates span:nth-child(2)"));
        var history = await factory.WithDbAsync(db => db.ArticleEvents.AsNoTracking().SingleAsync(e => e.ArticleId == id && e.Kind == ArticleEventKinds.Correction));
        Assert.Equal("newsroom-editor", history.Actor);
    }

    [Fact]
    public async Task SubstantiveUpdate_MovesUpdatedAndDateModified()
    {
        var editor = await factory.AsAsync(Editor);
        var (id, slug) = await PublishedAsync(editor);
        factory.Clock.Advance(TimeSpan.FromHours(3));
        var now = factory.Clock.GetUtcNow();

        await ArticleReviewTests.PostWithTokenAsync(editor, $"/admin/articles/{id}/notes",
            ("Kind", "update"), ("Text", "The council has now confirmed the figures."), ("Substantive", "true"));

        var (_, page) = await Html.GetAsync(factory.CreateClient(), $"/news/{slug}");
        Assert.StartsWith($"Update, {LocalDate(now)}:", page.QuerySelector(".article-note")!.TextContent.Trim(), StringComparison.Ordinal);
        var json = NewsArticleJson(page);
        Assert.Equal(now.UtcDateTime, DateTime.Parse(json.GetProperty("dateModified").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), TimeSpan.FromSeconds(1));
        Assert.Contains("Updated", page.QuerySelector(".byline .dates")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditorSave_MovesUpdatedOnlyWhenMarkedSubstantive()
    {
        var editor = await factory.AsAsync(Editor);
        var (id, _) = await PublishedAsync(editor);
        factory.Clock.Advance(TimeSpan.FromHours(1));

        await ArticleReviewTests.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["BodyHtml"] = "<p>Typo fixed.</p>" }, "publish");
        Assert.Null(await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.UpdatedAt).SingleAsync()));

        await ArticleReviewTests.SaveAsync(editor, $"/admin/articles/{id}/edit",
            new Dictionary<string, string> { ["BodyHtml"] = "<p>New figures added.</p>", ["SubstantiveChange"] = "true" }, "publish");
        var updated = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.UpdatedAt).SingleAsync());
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, updated!.Value, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("correction", "", "Write the note readers will see.")]
    [InlineData("retraction", "Something.", "Choose whether this is a correction or an update.")]
    public async Task BadNote_IsRefusedWithAMessage_AndStoresNothing(string kind, string text, string message)
    {
        var editor = await factory.AsAsync(Editor);
        var (id, _) = await PublishedAsync(editor);

        var response = await ArticleReviewTests.PostWithTokenAsync(editor, $"/admin/articles/{id}/notes", ("Kind", kind), ("Text", text));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (_, page) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Contains(message, page.QuerySelector(".notice-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArticleNotes.CountAsync(n => n.ArticleId == id)));
    }

    [Fact]
    public async Task NoteOnADraft_IsRefusedWithAMessage()
    {
        var editor = await factory.AsAsync(Editor);
        var draft = ArticleReviewTests.IdFrom(await ArticleReviewTests.SaveAsync(editor, "/admin/articles/new",
            await ArticleReviewTests.FieldsAsync(factory, $"Draft with no notes {Guid.NewGuid():N}"), "savedraft"));

        await ArticleReviewTests.PostWithTokenAsync(editor, $"/admin/articles/{draft}/notes", ("Kind", "correction"), ("Text", "Wrong."));

        var (_, page) = await Html.GetAsync(editor, $"/admin/articles/{draft}/edit");
        Assert.Contains("for stories readers can already see", page.QuerySelector(".notice-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArticleNotes.CountAsync(n => n.ArticleId == draft)));
    }
}
