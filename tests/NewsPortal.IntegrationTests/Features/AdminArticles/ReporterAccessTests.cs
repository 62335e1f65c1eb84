namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>A reporter writes and submits their own stories only: every publishing intent is refused and others' stories are closed by every route.</summary>
public sealed class ReporterAccessTests(ArticleReviewTestBase.Factory factory) : ArticleReviewTestBase(factory), IClassFixture<ArticleReviewTestBase.Factory>
{
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
}
