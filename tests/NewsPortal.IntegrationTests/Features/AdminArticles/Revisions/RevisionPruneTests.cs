namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>Old draft revisions are pruned: every published one and the newest drafts are kept, each deleted once across instances.</summary>
public sealed class RevisionPruneTests(RevisionSite site) : ArticleRevisionsTestBase(site), IClassFixture<RevisionSite>
{
    [Fact]
    public async Task Prune_KeepsEveryPublishedRevisionAndTheNewestDraftsOfEachStory()
    {
        var editor = await _site.EditorAsync(Editor);
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", await _site.NewStoryAsync("Pruning story", "<p>Draft 0.</p>"), "savedraft"));
        var url = $"/admin/articles/{id}/edit";
        for (var i = 1; i <= 4; i++)
        {
            RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, url, new Dictionary<string, string> { ["BodyHtml"] = $"<p>Draft {i}.</p>" }, "savedraft"));
        }

        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, url, new Dictionary<string, string> { ["BodyHtml"] = "<p>Published 1.</p>" }, "publish"));
        RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, url, new Dictionary<string, string> { ["BodyHtml"] = "<p>Published 2.</p>" }, "publish"));
        for (var i = 5; i <= 8; i++)
        {
            RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, url, new Dictionary<string, string> { ["BodyHtml"] = $"<p>Draft {i}.</p>" }, "savedraft"));
        }

        var before = await RevisionsOfAsync(id);
        Assert.Equal(11, before.Count);

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var deleted = await scope.ServiceProvider.GetRequiredService<RevisionPruner>().PruneAsync(CancellationToken.None);
            Assert.True(deleted >= 6, $"Only {deleted} revisions were pruned.");
        }

        var after = await RevisionsOfAsync(id);
        Assert.Equal(["<p>Published 1.</p>", "<p>Published 2.</p>"], after.Where(r => r.IsPublished).Select(r => r.BodyHtml));
        Assert.Equal(["<p>Draft 6.</p>", "<p>Draft 7.</p>", "<p>Draft 8.</p>"], after.Where(r => !r.IsPublished).Select(r => r.BodyHtml));

        // A second pass (another instance, or the next tick) finds nothing more to do.
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RevisionPruner>().PruneAsync(CancellationToken.None);
        }

        Assert.Equal(5, (await RevisionsOfAsync(id)).Count);
    }

    [Fact]
    public async Task Prune_TwoInstancesAtOnce_DeleteEachOldDraftOnceAndKeepTheRest()
    {
        var editor = await _site.EditorAsync(Editor);
        var id = RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, "/admin/articles/new", await _site.NewStoryAsync("Concurrent pruning story", "<p>Draft 0.</p>"), "savedraft"));
        for (var i = 1; i <= 6; i++)
        {
            RevisionSite.IdFrom(await RevisionSite.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["BodyHtml"] = $"<p>Draft {i}.</p>" }, "savedraft"));
        }

        async Task<int> PassAsync()
        {
            await using var scope = _site.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RevisionPruner>().PruneAsync(CancellationToken.None);
        }

        await Task.WhenAll(PassAsync(), PassAsync());
        Assert.Equal(["<p>Draft 4.</p>", "<p>Draft 5.</p>", "<p>Draft 6.</p>"], (await RevisionsOfAsync(id)).Select(r => r.BodyHtml));
    }
}
