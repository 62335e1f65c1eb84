using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features.Search;

public sealed class SearchTests : IClassFixture<SearchTests.Factory>
{
    private readonly Factory _factory;

    public SearchTests(Factory factory) => _factory = factory;

    /// <summary>The site's own factory, with a search limit no test here reaches (the limit has its own test).</summary>
    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => Settings["Search:RequestsPerMinutePerIp"] = "100000";
    }

    private static string Word() => "zq" + Guid.NewGuid().ToString("N")[..10];

    private async Task<List<string?>> ResultSlugsAsync(string url)
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelectorAll(".listing .card-title a").Select(a => a.GetAttribute("href")).ToList();
    }

    private Task<Article> SaveAsync(ArticleBuilder builder) => _factory.WithDbAsync(builder.SaveAsync);

    [Fact]
    public async Task Search_WordFromAHeadline_FindsThatArticle()
    {
        var article = await _factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => new { a.Slug, a.Headline }).FirstAsync());
        var word = article.Headline.Split(' ').OrderByDescending(w => w.Length).First().Trim(',', '.', ':');

        var slugs = await ResultSlugsAsync($"/search?q={Uri.EscapeDataString(word.ToUpperInvariant())}");

        Assert.Contains($"/news/{article.Slug}", slugs);
    }

    [Fact]
    public async Task Search_WordOnlyInTheBody_FindsTheArticle()
    {
        var article = await SaveAsync(new ArticleBuilder().Body("<p>The quokkaphone was unveiled today.</p>"));

        Assert.Equal([$"/news/{article.Slug}"], await ResultSlugsAsync("/search?q=quokkaphone"));
    }

    [Fact]
    public async Task Search_HeadlineMatch_RanksAboveANewerBodyOnlyMatch()
    {
        var word = Word();
        var inHeadline = await SaveAsync(new ArticleBuilder().Headline($"Council backs {word} plan").PublishedAt(DateTime.UtcNow.AddDays(-20)));
        var inBody = await SaveAsync(new ArticleBuilder().Body($"<p>Elsewhere, the {word} plan was mentioned once.</p>").PublishedAt(DateTime.UtcNow.AddHours(-1)));

        Assert.Equal([$"/news/{inHeadline.Slug}", $"/news/{inBody.Slug}"], await ResultSlugsAsync($"/search?q={word}"));
    }

    [Fact]
    public async Task Search_WhereTheWordStands_RanksHeadlineThenTagThenStandfirstThenBody()
    {
        var word = Word();
        var at = DateTime.UtcNow.AddDays(-3);
        // Saved in the reverse of the expected order, so the newest id (the tie-break) is the body match.
        var inHeadline = await SaveAsync(new ArticleBuilder().Headline($"The {word} question").PublishedAt(at));
        var inTag = await SaveAsync(new ArticleBuilder().Tagged(word).PublishedAt(at));
        var inStandfirst = await SaveAsync(new ArticleBuilder().Standfirst($"Why the {word} matters.").PublishedAt(at));
        var inBody = await SaveAsync(new ArticleBuilder().Body($"<p>A {word} in passing.</p>").PublishedAt(at));

        Assert.Equal(
            [$"/news/{inHeadline.Slug}", $"/news/{inTag.Slug}", $"/news/{inStandfirst.Slug}", $"/news/{inBody.Slug}"],
            await ResultSlugsAsync($"/search?q={word}"));
    }

    [Fact]
    public async Task Search_Phrase_CountsInTheHeadlineOnlyWhereTheHeadlineHasThePhrase()
    {
        var word = Word();
        var phraseInHeadline = await SaveAsync(new ArticleBuilder().Headline($"Grey {word} seen").PublishedAt(DateTime.UtcNow.AddDays(-10)));
        // Both words are in this headline, but apart; the phrase itself is only in the body. Newer, so it would win a tie.
        var wordsApart = await SaveAsync(new ArticleBuilder().Headline($"{word} turns grey")
            .Body($"<p>A grey {word} again.</p>").PublishedAt(DateTime.UtcNow.AddHours(-1)));

        Assert.Equal(
            [$"/news/{phraseInHeadline.Slug}", $"/news/{wordsApart.Slug}"],
            await ResultSlugsAsync($"/search?q={Uri.EscapeDataString($"\"grey {word}\"")}"));
    }

    [Theory]
    [InlineData("strong")]
    [InlineData("href")]
    [InlineData("nofollow")]
    public async Task Search_MarkupWords_DoNotMatchTheMarkup(string markup)
    {
        var word = Word();
        var article = await SaveAsync(new ArticleBuilder().Body($"<p><strong>{word}</strong> and <a href=\"https://example.com/\" rel=\"nofollow\">a link</a>.</p>"));

        Assert.Equal([$"/news/{article.Slug}"], await ResultSlugsAsync($"/search?q={word}"));
        Assert.DoesNotContain($"/news/{article.Slug}", await ResultSlugsAsync($"/search?q={word[..4]}*+{markup}"));
        Assert.DoesNotContain($"/news/{article.Slug}", await ResultSlugsAsync($"/search?q={markup}&section=world&from=2000-01-01"));
    }

    [Fact]
    public async Task Search_Phrase_MatchesTheWordsInThatOrderOnly()
    {
        var word = Word();
        var phrase = await SaveAsync(new ArticleBuilder().Body($"<p>The blue {word} swam past.</p>"));
        await SaveAsync(new ArticleBuilder().Body($"<p>A {word} that was not blue.</p>"));

        Assert.Equal([$"/news/{phrase.Slug}"], await ResultSlugsAsync($"/search?q={Uri.EscapeDataString($"\"blue {word}\"")}"));
        Assert.Equal(2, (await ResultSlugsAsync($"/search?q=blue+{word}")).Count);
    }

    [Fact]
    public async Task Search_Prefix_FindsWordsThatStartWithIt()
    {
        var word = Word();
        var article = await SaveAsync(new ArticleBuilder().Body($"<p>The {word}ology report.</p>"));

        Assert.Equal([$"/news/{article.Slug}"], await ResultSlugsAsync($"/search?q={word}*"));
        Assert.Empty(await ResultSlugsAsync($"/search?q={word}"));
    }

    [Fact]
    public async Task Search_TagsSectionAndByline_AreSearched()
    {
        var tag = Word();
        var section = Word();
        var bodyWord = Word();
        var tagged = await SaveAsync(new ArticleBuilder().Tagged(tag));
        var inSection = await SaveAsync(new ArticleBuilder().InCategory(section));
        var byAuthor = await SaveAsync(new ArticleBuilder().Body($"<p>{bodyWord}</p>"));
        var author = await _factory.WithDbAsync(db => db.Authors.Where(a => a.Id == byAuthor.AuthorId).Select(a => a.Name).SingleAsync());

        Assert.Equal([$"/news/{tagged.Slug}"], await ResultSlugsAsync($"/search?q={tag}"));
        Assert.Equal([$"/news/{inSection.Slug}"], await ResultSlugsAsync($"/search?q={section}"));
        Assert.Equal([$"/news/{byAuthor.Slug}"], await ResultSlugsAsync($"/search?q={Uri.EscapeDataString(author.Split(' ')[^1])}+{bodyWord}"));
    }

    [Fact]
    public async Task Search_Results_HighlightMatchesAndEncodeTheHeadline()
    {
        var word = Word();
        await SaveAsync(new ArticleBuilder().Headline($"<script>alert(1)</script> {word} & co").Body($"<p>Before. The {word} <em>arrived</em>.</p>"));

        var html = await _factory.CreateClient().GetStringAsync(new Uri($"/search?q={word}", UriKind.Relative));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>" + word + "</mark> &amp; co", html, StringComparison.Ordinal);
        Assert.Contains("The <mark>" + word + "</mark> arrived", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Result_ShowsDateAuthorAndCommentsOnOneMetaLine_NotTheArticlePagesBylineBlock()
    {
        var word = Word();
        var article = await SaveAsync(new ArticleBuilder().Body($"<p>The {word} report.</p>"));
        var author = await _factory.WithDbAsync(db => db.Authors.Where(a => a.Id == article.AuthorId).Select(a => a.Name).SingleAsync());

        var (_, document) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={word}");

        var meta = document.QuerySelector(".listing .card-meta")!;
        Assert.NotNull(meta.QuerySelector("time[datetime]"));
        Assert.Contains(author, meta.TextContent, StringComparison.Ordinal);
        // The article page's .byline is a ruled block with padding: inside a result's meta line it drew a box round the name.
        Assert.Null(document.QuerySelector(".listing .byline"));
    }

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
    public async Task Search_SectionAndDates_FilterTheResults()
    {
        var word = Word();
        var oldWorld = await SaveAsync(new ArticleBuilder().Body($"<p>{word}</p>").PublishedAt(new DateTime(2024, 3, 10, 12, 0, 0, DateTimeKind.Utc)));
        var newWorld = await SaveAsync(new ArticleBuilder().Body($"<p>{word}</p>").PublishedAt(DateTime.UtcNow.AddHours(-2)));
        var elsewhere = await SaveAsync(new ArticleBuilder().Body($"<p>{word}</p>").InCategory("science-" + word));

        Assert.Equal(3, (await ResultSlugsAsync($"/search?q={word}")).Count);
        Assert.Equal([$"/news/{elsewhere.Slug}"], await ResultSlugsAsync($"/search?q={word}&section=science-{word}"));
        Assert.Equal([$"/news/{oldWorld.Slug}"], await ResultSlugsAsync($"/search?q={word}&section=world&from=2024-03-10&to=2024-03-10"));
        Assert.Equal([$"/news/{newWorld.Slug}"], await ResultSlugsAsync($"/search?q={word}&section=world&from=2025-01-01"));
    }

    [Theory]
    [InlineData("from=yesterday", "“from” date was not understood")]
    [InlineData("to=2026-02-31", "“to” date was not understood")]
    [InlineData("from=99999-01-01", "“from” date was not understood")]
    [InlineData("section=no-such-section", "no such section")]
    [InlineData("from=2026-05-01&to=2026-01-01", "dates were swapped")]
    public async Task Search_BadFilters_SayWhyAndStillSearch(string filter, string message)
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), $"/search?q=harbour&{filter}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, document.QuerySelector(".search-messages")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector(".result-count"));
    }

    [Fact]
    public async Task Search_ManyResults_ArePagedWithBoundedPageNumbers()
    {
        var word = Word();
        for (var i = 0; i < 12; i++)
        {
            await SaveAsync(new ArticleBuilder().Body($"<p>{word} number {i}</p>").PublishedAt(DateTime.UtcNow.AddHours(-1 - i)));
        }

        var (_, first) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={word}");
        var second = await ResultSlugsAsync($"/search?q={word}&page=2");
        var (deep, beyond) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={word}&page=99999999");

        Assert.Equal(10, first.QuerySelectorAll(".listing .card-title a").Length);
        Assert.Contains("12 articles found", first.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/search?q={word}&page=2", first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));
        Assert.Equal(2, second.Count);
        Assert.Equal(HttpStatusCode.OK, deep.StatusCode);
        Assert.Contains("12 articles found", beyond.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoMatch_SaysNothingWasFound()
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), "/search?q=xylophonicqwerty");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("0 articles found", document.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No articles match", document.QuerySelector(".search-none")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoMatch_SuggestsTheWordsInAnyOrderAndFewerWords()
    {
        var word = Word();
        await SaveAsync(new ArticleBuilder().Body($"<p>The wall by the {word} sea.</p>"));

        var (_, phrase) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={Uri.EscapeDataString($"\"{word} wall\"")}");
        var (_, extra) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={word}+xylophonicqwerty");

        var anyOrder = phrase.QuerySelectorAll(".search-suggestions a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/search?q={word}%20wall", anyOrder);
        var fewer = extra.QuerySelectorAll(".search-suggestions a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/search?q={word}"], fewer);
        Assert.Contains("1 article", extra.QuerySelector(".search-suggestions")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileQueries() =>
    [
        "\"", "\"\"\"", "*", "^", ":", "NEAR", "AND", "OR", "NOT", "(", ")", "{}", "{Headline}: tram", "tram NEAR/2 bus",
        "\"unbalanced quote", "a\"b\"c\"", "harbour OR", "NOT harbour", "-harbour", "+harbour", "harbour*", "*harbour", "col:harbour",
        string.Join(' ', Enumerable.Range(1, 100).Select(i => $"word{i}")), "😀 🎉 🚀", "مجلس المدينة", "שלום", "\u202Eevil\u202C",
        "%", "_", "[", "%_[", "[a-z]", "'; DROP TABLE Articles; --", "\\", "\0", "NULL", new string('x', 5000),
        new string('"', 101), string.Concat(Enumerable.Repeat("a* ", 60)), "ǅ ß İ ı", "\uD800", "<script>alert(1)</script>",
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_HostileQuery_GetsANormalPage(string query)
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={Uri.EscapeDataString(query)}&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("form[role='search'] input[name='q']"));
        Assert.NotNull(document.QuerySelector(".result-count, .search-messages"));
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

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("[a-z]")]
    public async Task Search_WildcardCharacters_AreTakenLiterally(string query)
    {
        var (_, document) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={Uri.EscapeDataString(query)}");

        Assert.Empty(document.QuerySelectorAll(".listing .card-title a"));
    }

    [Fact]
    public async Task Search_EmptyQuery_ShowsTheFormOnly()
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), "/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("form[role='search'] input[name='q']"));
        Assert.Null(document.QuerySelector(".result-count"));
    }

    /// <summary>
    /// On 100,000 articles the planner of the bundled SQLite started a section search from the section's articles and
    /// asked the full-text index about each one (seconds per search); the candidates query must read the index first,
    /// and each candidate's visibility, section and ranked columns from the narrow ranking index, not the article's row.
    /// </summary>
    [Fact]
    public async Task SqliteCandidatesQueries_WithASectionFilter_ReadTheIndexBeforeTheArticles()
    {
        const string where = "a.Status <> 0 AND a.PublishedAt <= {1} AND a.CategoryId = {2}";
        foreach (var sql in new[]
        {
            NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.CandidatesSql(where),
            NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.RankingCandidatesSql(where),
        })
        {
            var plan = await PlanAsync(sql, "\"council\"", DateTime.UtcNow, 1);

            var scan = plan.FindIndex(step => step.StartsWith("SCAN ArticleSearch", StringComparison.Ordinal));
            Assert.True(scan >= 0 && scan + 1 < plan.Count, string.Join(" | ", plan));
            Assert.DoesNotContain(plan.Take(scan), step => step.Contains("Articles", StringComparison.Ordinal) || step.StartsWith("SEARCH a", StringComparison.Ordinal));
            Assert.StartsWith("SEARCH a USING COVERING INDEX IX_Articles_SearchRanking (Id=?)", plan[scan + 1], StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The moderation queue's search reads the comment index first, in id order, and checks each hit's status in the
    /// small status index rather than the comment's own row (on 1,000,000 comments the planner picks the row).
    /// </summary>
    [Fact]
    public async Task SqliteQueueSearchQuery_ReadsTheIndexFirst_AndChecksTheStatusInItsIndex()
    {
        foreach (var index in new[] { "CommentSearch", "CommentAuthorSearch" })
        {
            var plan = await PlanAsync(NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.CommentQueueSql(index, null, "DESC"), "\"river\"", 1, 1001);

            Assert.True(plan.Count == 2, string.Join(" | ", plan));
            Assert.StartsWith("SCAN s VIRTUAL TABLE", plan[0], StringComparison.Ordinal);
            Assert.Contains("SEARCH c USING COVERING INDEX IX_Comments_Status", plan[1], StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The newsroom's search: the slug by a range on its index, each match's status from IX_Articles_Status when
    /// counting, and, past the count limit, a page that walks the (Status, ListedAt) index in order instead of sorting
    /// every match.
    /// </summary>
    [Fact]
    public async Task SqliteNewsroomSearchQueries_UseTheSlugStatusAndListedAtIndexes()
    {
        var matches = NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.NewsroomMatchesSql(text: true, slug: true);
        object[] values = ["\"river\"", "river", "river\uffff", (int)ArticleStatus.Published];

        var count = await PlanAsync(NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.NewsroomCountSql(matches, status: true), [.. values, 1001]);
        // Past the count limit, with and without a status: the ListedAt indexes walked in order, stopping after a page.
        // (Without a status the + is what makes SQLite walk: without it, it looks each match up and sorts them all. With
        // a status this small database walks the index either way.)
        var walk = await PlanAsync(NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.NewsroomPageSql(matches, status: false, walkListedAt: true), [.. values, 25, 0], topLevelOnly: true);
        var walkStatus = await PlanAsync(NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.NewsroomPageSql(matches, status: true, walkListedAt: true), [.. values, 25, 0], topLevelOnly: true);

        Assert.Contains(count, step => step.Contains("SEARCH Articles USING COVERING INDEX IX_Articles_Slug (Slug>? AND Slug<?)", StringComparison.Ordinal));
        Assert.Contains(count, step => step.Contains("SEARCH a USING COVERING INDEX IX_Articles_Status (Status=? AND rowid=?)", StringComparison.Ordinal));
        Assert.Equal(["SCAN a USING INDEX IX_Articles_ListedAt", "LIST SUBQUERY 2"], walk);
        Assert.Equal(["SEARCH a USING INDEX IX_Articles_Status_ListedAt (Status=?)", "LIST SUBQUERY 2"], walkStatus);
    }

    /// <summary>The bundled SQLite's plan for <paramref name="sql"/> ({0}, {1}… as the site writes it), one line per step.</summary>
    private Task<List<string>> PlanAsync(string sql, params object[] values) => PlanAsync(sql, values, topLevelOnly: false);

    /// <summary>The plan, or with <paramref name="topLevelOnly"/> only the outermost query's own steps.</summary>
    private Task<List<string>> PlanAsync(string sql, object[] values, bool topLevelOnly) => _factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        for (var i = 0; i < values.Length; i++)
        {
            var name = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = command.CommandText.Replace("{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", name, StringComparison.Ordinal);
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            if (!topLevelOnly || reader.GetInt32(reader.GetOrdinal("parent")) == 0)
            {
                details.Add(reader.GetString(reader.GetOrdinal("detail")));
            }
        }

        return details;
    });
}
