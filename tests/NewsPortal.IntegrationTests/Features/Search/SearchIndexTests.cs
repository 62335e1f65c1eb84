namespace NewsPortal.IntegrationTests.Features.Search;

/// <summary>The search index follows every change: edits, tags, unpublishing, deletion, a failed save, a rolled-back transaction; drafts and scheduled stories are never found.</summary>
public sealed class SearchIndexTests(SearchTestBase.Factory factory) : SearchTestBase(factory), IClassFixture<SearchTestBase.Factory>
{
    [Fact]
    public async Task Search_DraftsAndScheduledArticles_AreNotFound()
    {
        var word = Word();
        await SaveAsync(new ArticleBuilder().Body($"<p>{word}</p>").Draft());
        await SaveAsync(new ArticleBuilder().Body($"<p>{word}</p>").ScheduledFor(DateTime.UtcNow.AddDays(1)));
        var visible = await SaveAsync(new ArticleBuilder().Body($"<p>{word}</p>"));

        Assert.Equal([$"/news/{visible.Slug}"], await ResultSlugsAsync($"/search?q={word}"));
    }

    [Fact]
    public async Task Search_EditedArticle_FindsTheNewWordsNotTheOld()
    {
        var before = Word();
        var after = Word();
        var article = await SaveAsync(new ArticleBuilder().Body($"<p>{before}</p>"));

        await _factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.BodyHtml = $"<p>{after}</p>";
            await db.SaveChangesAsync();
        });

        Assert.Empty(await ResultSlugsAsync($"/search?q={before}"));
        Assert.Equal([$"/news/{article.Slug}"], await ResultSlugsAsync($"/search?q={after}"));
    }

    [Fact]
    public async Task Search_NewTag_IsFoundWithoutAnyOtherChange()
    {
        var tag = Word();
        var article = await SaveAsync(new ArticleBuilder());

        await _factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == article.Id);
            stored.Tags.Add(new Tag { Name = tag, Slug = tag });
            await db.SaveChangesAsync();
        });

        Assert.Equal([$"/news/{article.Slug}"], await ResultSlugsAsync($"/search?q={tag}"));
    }

    [Fact]
    public async Task Search_UnpublishedOrDeletedArticle_IsGone()
    {
        var word = Word();
        var unpublished = await SaveAsync(new ArticleBuilder().Body($"<p>{word}</p>"));
        var deleted = await SaveAsync(new ArticleBuilder().Body($"<p>{word}</p>"));
        Assert.Equal(2, (await ResultSlugsAsync($"/search?q={word}")).Count);

        await _factory.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(a => a.Id == unpublished.Id)).Status = ArticleStatus.Draft;
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == deleted.Id));
            await db.SaveChangesAsync();
        });

        Assert.Empty(await ResultSlugsAsync($"/search?q={word}"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM ArticleSearch WHERE rowid = {0}", deleted.Id).CountAsync()));
    }

    [Fact]
    public async Task Search_FailedSave_LeavesTheIndexAsItWas()
    {
        var word = Word();
        var existing = await SaveAsync(new ArticleBuilder());

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(new ArticleBuilder().Slug(existing.Slug).Body($"<p>{word}</p>")));

        Assert.Equal(0, await _factory.WithDbAsync(db =>
            db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {0}", $"\"{word}\"").CountAsync()));
    }

    [Fact]
    public async Task Search_EditInATransactionRolledBack_IsNeverIndexed_AndTheContextsNextSaveIs()
    {
        var rolledBack = Word();
        var kept = Word();
        var article = await SaveAsync(new ArticleBuilder());

        await _factory.WithDbAsync(async db =>
        {
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
                stored.BodyHtml = $"<p>{rolledBack}</p>";
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            // The same context saves again, after the rollback: its own change is indexed, the rolled-back one is not.
            db.ChangeTracker.Clear();
            var again = await db.Articles.SingleAsync(a => a.Id == article.Id);
            again.Standfirst = kept;
            await db.SaveChangesAsync();
        });

        Assert.Empty(await ResultSlugsAsync($"/search?q={rolledBack}"));
        Assert.Equal([$"/news/{article.Slug}"], await ResultSlugsAsync($"/search?q={kept}"));
    }
}
