namespace NewsPortal.IntegrationTests.Features.Search;

/// <summary>The search page: highlighted results, filters, paging, suggestions, and a normal page for any query.</summary>
public sealed class SearchPageTests(SearchTestBase.Factory factory) : SearchTestBase(factory), IClassFixture<SearchTestBase.Factory>
{
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
    public async Task Search_EmptyQuery_ShowsTheFormOnly()
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), "/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("form[role='search'] input[name='q']"));
        Assert.Null(document.QuerySelector(".result-count"));
    }
}
