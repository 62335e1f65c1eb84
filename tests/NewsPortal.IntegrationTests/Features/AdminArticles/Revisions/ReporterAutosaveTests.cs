namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>A reporter's editor autosaves and shows presence on their own stories, and nowhere else.</summary>
public sealed class ReporterAutosaveTests(RevisionSite site) : IClassFixture<RevisionSite>
{
    [Fact]
    public async Task AReporter_AutosavesTheirOwnStory_ButNotAColleagues_AndNeverSeesRevisions()
    {
        await site.CreateStaffAsync("rita.reporter@test.example", Roles.Reporter);
        var rita = await site.SignedInAsync("rita.reporter@test.example");
        var editor = await site.EditorAsync("eddie.editor@test.example");

        var own = RevisionSite.IdFrom(await RevisionSite.SaveAsync(rita, "/admin/articles/new", await site.NewStoryAsync($"Rita's draft {Guid.NewGuid():N}"), "savedraft"));
        var theirs = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", await site.NewStoryAsync($"Eddie's draft {Guid.NewGuid():N}"), "savedraft"));

        var (_, fields) = await RevisionSite.OpenAsync(rita, $"/admin/articles/{own}/edit", new Dictionary<string, string> { ["BodyHtml"] = "<p>Rita, half-way.</p>" });
        var saved = await Html.PostAsync(rita, $"/admin/articles/{own}/autosave", fields);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(await site.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(s => s.ArticleId == own && s.BodyHtml == "<p>Rita, half-way.</p>")));
        Assert.Equal(HttpStatusCode.OK, (await Html.PostAsync(rita, $"/admin/articles/{own}/presence", fields.Where(f => f.Key == "__RequestVerificationToken"))).StatusCode);

        var refused = await Html.PostAsync(rita, $"/admin/articles/{theirs}/autosave", fields);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(s => s.ArticleId == theirs)));
        Assert.Equal(HttpStatusCode.Forbidden, (await Html.PostAsync(rita, $"/admin/articles/{theirs}/presence", fields.Where(f => f.Key == "__RequestVerificationToken"))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await rita.GetAsync(new Uri($"/admin/articles/{own}/revisions", UriKind.Relative))).StatusCode);
    }
}
