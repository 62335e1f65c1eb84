namespace NewsPortal.IntegrationTests.Domain;

/// <summary>The visibility rule's three forms (the entity's method, the LINQ expression, the SQL for raw queries) agree on every kind of article.</summary>
public sealed class ArticleVisibilityTests
{
    [Fact]
    public async Task TheSqlForm_TheQueryForm_AndTheEntityForm_SelectTheSameArticles()
    {
        await using var site = new NewsPortalFactory();
        var now = DateTime.UtcNow;
        var ids = await site.WithDbAsync(async db =>
        {
            var made = new List<Article>
            {
                await new ArticleBuilder().PublishedAt(now.AddDays(-1)).SaveAsync(db),
                await new ArticleBuilder().PublishedAt(now.AddDays(1)).SaveAsync(db),
                await new ArticleBuilder().ScheduledFor(now.AddMinutes(-1)).SaveAsync(db),
                await new ArticleBuilder().ScheduledFor(now.AddDays(2)).SaveAsync(db),
                await new ArticleBuilder().Draft().SaveAsync(db),
                await new ArticleBuilder().Draft().PublishedAt(now.AddDays(-3)).SaveAsync(db),
            };

            // A draft never published, and a published row without a time (only a bad import could write one).
            made[4].PublishedAt = null;
            var noTime = await new ArticleBuilder().PublishedAt(now.AddDays(-2)).SaveAsync(db);
            noTime.PublishedAt = null;
            made.Add(noTime);
            var draftWithTime = made[5];
            draftWithTime.Status = ArticleStatus.Draft;
            await db.SaveChangesAsync();
            return made.Select(a => a.Id).ToList();
        });

        var (bySql, byQuery, byEntity) = await site.WithDbAsync(async db =>
        {
            var sql = "SELECT a.Id AS Value FROM Articles AS a WHERE " + ArticleVisibility.Sql("a", "{0}");
            var fromSql = await db.Database.SqlQueryRaw<int>(sql, now).ToListAsync();
            var fromQuery = await db.Articles.VisibleAt(now).Select(a => a.Id).ToListAsync();
            var fromEntity = (await db.Articles.AsNoTracking().ToListAsync()).Where(a => a.IsVisibleAt(now)).Select(a => a.Id).ToList();
            return (fromSql.Where(ids.Contains).Order().ToList(), fromQuery.Where(ids.Contains).Order().ToList(), fromEntity.Where(ids.Contains).Order().ToList());
        });

        Assert.Equal([ids[0], ids[2]], bySql);
        Assert.Equal(bySql, byQuery);
        Assert.Equal(bySql, byEntity);
    }
}
