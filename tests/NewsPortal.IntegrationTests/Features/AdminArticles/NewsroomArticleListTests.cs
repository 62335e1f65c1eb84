namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>The newsroom's article list: filters, order, search and paging.</summary>
public sealed class NewsroomArticleListTests(NewsroomTestBase.Factory factory) : NewsroomTestBase(factory), IClassFixture<NewsroomTestBase.Factory>
{
    [Fact]
    public async Task ArticleList_FiltersByStatusAndSearches()
    {
        var editor = await _factory.EditorAsync();
        await SaveAsync(editor, "/admin/articles/new", await NewArticleFieldsAsync("Quarry expansion draft"), "savedraft");

        var (_, drafts) = await Html.GetAsync(editor, "/admin/articles?status=draft&q=quarry");
        var (_, published) = await Html.GetAsync(editor, "/admin/articles?status=published&q=quarry");

        Assert.Contains("Quarry expansion draft", drafts.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarry expansion draft", published.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticleList_IsNewestFirstByPublishTimeOrCreation_AndAPagePastTheEndShowsTheLastPage()
    {
        var now = DateTime.UtcNow;
        await _factory.WithDbAsync(async db =>
        {
            await new ArticleBuilder().Headline("Lighthouse keeper published long ago").PublishedAt(now.AddDays(-2)).SaveAsync(db);
            await new ArticleBuilder().Headline("Lighthouse keeper scheduled").ScheduledFor(now.AddDays(1)).SaveAsync(db);
            var draft = await new ArticleBuilder().Headline("Lighthouse keeper draft").Draft().SaveAsync(db);
            draft.PublishedAt = null;
            draft.CreatedAt = now.AddHours(-1);
            await db.SaveChangesAsync();
        });
        var editor = await _factory.EditorAsync();

        var (_, list) = await Html.GetAsync(editor, "/admin/articles?q=lighthouse+keeper");
        var (response, pastTheEnd) = await Html.GetAsync(editor, "/admin/articles?q=lighthouse+keeper&page=9999");

        string[] expected = ["Lighthouse keeper scheduled", "Lighthouse keeper draft", "Lighthouse keeper published long ago"];
        Assert.Equal(expected, list.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, pastTheEnd.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task ArticleList_Search_FindsAPastedSlugByItsStart_AndCountsAManyMatchSearchOnlyToTheLimit()
    {
        var word = "zr" + Guid.NewGuid().ToString("N")[..10];
        var address = "a" + Guid.NewGuid().ToString("N")[..12];
        await _factory.WithDbAsync(async db =>
        {
            var first = await new ArticleBuilder().Headline("The harbour wall holds").Slug($"{address}-harbour-wall").SaveAsync(db);
            db.Articles.AddRange(Enumerable.Range(0, NewsPortal.Web.Features.Shared.Paging.SearchCountLimit + 1).Select(i => new Article
            {
                Slug = $"{word}-{i}",
                Headline = $"Bulk story {i}",
                Standfirst = "Standfirst.",
                BodyHtml = $"<p>The {word} story.</p>",
                Status = ArticleStatus.Draft,
                CreatedAt = DateTime.UtcNow.AddDays(-2),
                CategoryId = first.CategoryId,
                AuthorId = first.AuthorId,
            }));
            await db.SaveChangesAsync();
        });
        var editor = await _factory.EditorAsync();

        var (_, bySlug) = await Html.GetAsync(editor, $"/admin/articles?q={address}-harb");
        var (_, many) = await Html.GetAsync(editor, $"/admin/articles?q={word}");
        var (response, deep) = await Html.GetAsync(editor, $"/admin/articles?q={word}&page=41");

        Assert.Equal(["The harbour wall holds"], bySlug.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal("1 article", bySlug.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Equal(
            $"More than {NewsPortal.Web.Features.Shared.Paging.SearchCountLimit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} articles; narrow the search to see how many.",
            many.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(deep.QuerySelectorAll("table tbody tr"));
    }

    [Fact]
    public async Task ArticleList_DeepPageOfAStatus_ShowsTheLastPageWithItsPendingCounts()
    {
        var article = await _factory.WithDbAsync(async db =>
        {
            var a = await new ArticleBuilder().Headline("Oldest scheduled piece").ScheduledFor(DateTime.UtcNow.AddMinutes(5)).SaveAsync(db);
            db.Comments.Add(new Comment { ArticleId = a.Id, AuthorName = "R", AuthorEmail = "r@example.com", BodyHtml = "<p>Early.</p>", Status = CommentStatus.Pending, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return a;
        });
        var editor = await _factory.EditorAsync();

        var (response, page) = await Html.GetAsync(editor, "/admin/articles?status=scheduled&page=9999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Scheduled", r.QuerySelector(".status")!.TextContent.Trim()));
        Assert.Null(page.QuerySelector(".pager a[rel=next]"));
        var row = rows.Single(r => r.TextContent.Contains(article.Headline, StringComparison.Ordinal));
        Assert.Equal($"/admin/comments?status=pending&article={article.Id}", row.QuerySelector("td:last-child a")!.GetAttribute("href"));
        Assert.Equal("1", row.QuerySelector("td:last-child")!.TextContent.Trim());
    }

    [Fact]
    public async Task ArticleList_Search_FindsADraftByItsBodyThroughTheIndexAndEditsMoveIt()
    {
        var editor = await _factory.EditorAsync();
        var before = "zq" + Guid.NewGuid().ToString("N")[..10];
        var after = "zq" + Guid.NewGuid().ToString("N")[..10];
        var fields = await NewArticleFieldsAsync("Untitled draft for the index", $"<p>The <strong>{before}</strong> report.</p>");
        var created = await SaveAsync(editor, "/admin/articles/new", fields, "savedraft");
        var id = await _factory.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Untitled draft for the index").Select(a => a.Id).SingleAsync());

        var (_, byBody) = await Html.GetAsync(editor, $"/admin/articles?q={before}");
        fields["BodyHtml"] = $"<p>The {after} report.</p>";
        await SaveAsync(editor, $"/admin/articles/{id}/edit", fields, "savedraft");
        var (_, oldWord) = await Html.GetAsync(editor, $"/admin/articles?q={before}");
        var (_, newWord) = await Html.GetAsync(editor, $"/admin/articles?q={after}");

        Assert.True((int)created.StatusCode < 400);
        Assert.Contains("Untitled draft for the index", byBody.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Untitled draft for the index", oldWord.QuerySelector("table")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Untitled draft for the index", newWord.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The tabs count Published as all stories less the other statuses, so every status must be one of the three.</summary>
    [Fact]
    public async Task ArticleList_TabsShowEachStatusCount_AsTheRowsAre()
    {
        Assert.Equal([ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Published], Enum.GetValues<ArticleStatus>());
        var now = DateTime.UtcNow;
        await _factory.WithDbAsync(async db =>
        {
            await new ArticleBuilder().Headline("Tab count published").PublishedAt(now.AddDays(-1)).SaveAsync(db);
            await new ArticleBuilder().Headline("Tab count scheduled").ScheduledFor(now.AddDays(2)).SaveAsync(db);
            await new ArticleBuilder().Headline("Tab count draft one").Draft().SaveAsync(db);
            await new ArticleBuilder().Headline("Tab count draft two").Draft().SaveAsync(db);
        });
        var expected = await _factory.WithDbAsync(db => db.Articles.GroupBy(a => a.Status).ToDictionaryAsync(g => g.Key, g => g.Count()));

        var (_, list) = await Html.GetAsync(await _factory.EditorAsync(), "/admin/articles");

        var tabs = list.QuerySelectorAll(".article-tabs li").ToDictionary(
            li => li.QuerySelector("a")!.TextContent.Split('(')[0].Trim(),
            li => int.Parse(li.QuerySelector(".tab-count")!.TextContent.Trim('(', ')'), CultureInfo.InvariantCulture));
        Assert.Equal(expected.GetValueOrDefault(ArticleStatus.Draft), tabs["Drafts"]);
        Assert.Equal(expected.GetValueOrDefault(ArticleStatus.Scheduled), tabs["Scheduled"]);
        Assert.Equal(expected.GetValueOrDefault(ArticleStatus.Published), tabs["Published"]);
        Assert.Equal(expected.Values.Sum(), tabs["All"]);
        Assert.True(expected.GetValueOrDefault(ArticleStatus.Draft) >= 2 && expected.GetValueOrDefault(ArticleStatus.Scheduled) >= 1);
    }
}
