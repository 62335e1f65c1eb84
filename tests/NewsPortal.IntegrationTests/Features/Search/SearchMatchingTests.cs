namespace NewsPortal.IntegrationTests.Features.Search;

/// <summary>What a search matches and how it ranks: headline, tag, standfirst, body; phrases, prefixes, never the markup.</summary>
public sealed class SearchMatchingTests(SearchTestBase.Factory factory) : SearchTestBase(factory), IClassFixture<SearchTestBase.Factory>
{
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

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("[a-z]")]
    public async Task Search_WildcardCharacters_AreTakenLiterally(string query)
    {
        var (_, document) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={Uri.EscapeDataString(query)}");

        Assert.Empty(document.QuerySelectorAll(".listing .card-title a"));
    }
}
