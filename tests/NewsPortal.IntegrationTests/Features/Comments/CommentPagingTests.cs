namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>Long threads: comment pages, the reader's order, permalinks, and what search engines are told.</summary>
public sealed class CommentPagingTests(CommentPagingTests.Factory factory) : IClassFixture<CommentPagingTests.Factory>
{
    private const int PerPage = 10;
    private const int Threads = 25;
    private readonly Factory _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => Settings["Comments:ThreadsPerPage"] = PerPage.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An article with 25 threads ("Thread 1" oldest), each with a reply, and a deep chain under thread 1.</summary>
    private async Task<(Article Article, List<int> ThreadIds)> LongThreadAsync()
    {
        var article = await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        var ids = await _factory.WithDbAsync(async db =>
        {
            var start = DateTime.UtcNow.AddDays(-1);
            var roots = Enumerable.Range(1, Threads).Select(i => new Comment
            {
                ArticleId = article.Id,
                AuthorName = $"Author {i}",
                AuthorEmail = $"a{i}@example.com",
                BodyHtml = $"<p>Thread {i} text.</p>",
                Status = CommentStatus.Approved,
                CreatedAt = start.AddMinutes(i),
            }).ToList();
            db.Comments.AddRange(roots);
            await db.SaveChangesAsync();

            foreach (var root in roots)
            {
                db.Comments.Add(new Comment
                {
                    ArticleId = article.Id,
                    ParentId = root.Id,
                    AuthorName = "Replier",
                    AuthorEmail = "r@example.com",
                    BodyHtml = $"<p>Reply to {root.AuthorName}.</p>",
                    Status = CommentStatus.Approved,
                    CreatedAt = root.CreatedAt.AddHours(2),
                });
            }

            var parent = roots[0];
            for (var depth = 1; depth <= 5; depth++)
            {
                var deeper = new Comment
                {
                    ArticleId = article.Id,
                    ParentId = parent.Id,
                    AuthorName = $"Deep {depth}",
                    AuthorEmail = "d@example.com",
                    BodyHtml = $"<p>Depth {depth}.</p>",
                    Status = CommentStatus.Approved,
                    CreatedAt = start.AddHours(5 + depth),
                };
                db.Comments.Add(deeper);
                await db.SaveChangesAsync();
                parent = deeper;
            }

            await db.SaveChangesAsync();
            return roots.Select(r => r.Id).ToList();
        });
        return (article, ids);
    }

    private static List<string> ThreadsOn(IDocument page) =>
        page.QuerySelectorAll(".comment-list > li.comment > article .comment-body").Select(b => b.TextContent.Trim()).ToList();

    [Fact]
    public async Task FirstPage_ShowsOnePageOfThreads_WithRepliesUnderTheirParents_AndTheTotalCount()
    {
        var (article, _) = await LongThreadAsync();
        var (_, page) = await Html.GetAsync(_factory.CreateClient(), $"/news/{article.Slug}");

        var threads = ThreadsOn(page);
        Assert.Equal(PerPage, threads.Count);
        Assert.Equal("Thread 1 text.", threads[0]);
        Assert.Equal("Thread 10 text.", threads[^1]);
        Assert.Equal("Reply to Author 2.", page.QuerySelector(".comment-list > li:nth-child(2) .comment-replies .comment-body")!.TextContent.Trim());
        Assert.Contains($"{(Threads * 2) + 5} comments", page.QuerySelector("#comments-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Comments page 1 of 3", page.QuerySelector(".comment-pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/news/{article.Slug}?cpage=2#comments", page.QuerySelector(".comment-pager a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task LaterPage_HasItsThreads_TheArticlesCanonical_AndJsonLdOfThatPageWithTheTotal()
    {
        var (article, _) = await LongThreadAsync();
        var (response, page) = await Html.GetAsync(_factory.CreateClient(), $"/news/{article.Slug}?cpage=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Thread 21 text.", "Thread 22 text.", "Thread 23 text.", "Thread 24 text.", "Thread 25 text."], ThreadsOn(page));
        Assert.Equal($"http://localhost/news/{article.Slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal((Threads * 2) + 5, json.RootElement.GetProperty("commentCount").GetInt32());
        var listed = json.RootElement.GetProperty("comment").EnumerateArray().Select(c => c.GetProperty("text").GetString()).ToList();
        Assert.Equal(10, listed.Count); // five threads and their replies
        Assert.Contains("Thread 21 text.", listed);
        Assert.DoesNotContain("Thread 1 text.", listed);
    }

    [Fact]
    public async Task NewestFirst_IsChosenByALink_AndRemembered_WithoutJavaScript()
    {
        var (article, _) = await LongThreadAsync();
        var reader = _factory.CreateClient();
        var (_, first) = await Html.GetAsync(reader, $"/news/{article.Slug}");
        var newestLink = first.QuerySelector<IHtmlAnchorElement>(".comment-sort a")!;
        Assert.Equal("Newest first", newestLink.TextContent);

        var (_, newest) = await Html.GetAsync(reader, newestLink.GetAttribute("href")!);
        Assert.Equal("Thread 25 text.", ThreadsOn(newest)[0]);

        // The choice is remembered (a cookie), also on the next article page the reader opens.
        var (_, again) = await Html.GetAsync(reader, $"/news/{article.Slug}");
        Assert.Equal("Thread 25 text.", ThreadsOn(again)[0]);
        Assert.Equal("Newest first", again.QuerySelector(".comment-sort strong")!.TextContent);

        // Another reader still gets the default order from the same shared copy of the page.
        var (_, stranger) = await Html.GetAsync(_factory.CreateClient(), $"/news/{article.Slug}");
        Assert.Equal("Thread 1 text.", ThreadsOn(stranger)[0]);
    }

    [Fact]
    public async Task Permalink_ToACommentOnPageThree_LandsOnPageThree()
    {
        var (article, threads) = await LongThreadAsync();
        var replyOnPage3 = await _factory.WithDbAsync(db => db.Comments.Where(c => c.ParentId == threads[22]).Select(c => c.Id).SingleAsync());
        var client = _factory.CreateNoRedirectClient();

        var response = await client.GetAsync(new Uri($"/news/{article.Slug}/comments/{replyOnPage3}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/news/{article.Slug}?cpage=3#comment-{replyOnPage3}", response.Headers.Location!.OriginalString);
        var (_, page) = await Html.GetAsync(client, $"/news/{article.Slug}?cpage=3");
        Assert.NotNull(page.QuerySelector($"#comment-{replyOnPage3}"));
        Assert.Equal($"/news/{article.Slug}/comments/{replyOnPage3}", page.QuerySelector($"#comment-{replyOnPage3} .comment-permalink")!.GetAttribute("href"));
    }

    [Fact]
    public async Task DeepReplies_StopIndenting_AndSayWhomTheyAnswer()
    {
        var (article, _) = await LongThreadAsync();
        var (_, page) = await Html.GetAsync(_factory.CreateClient(), $"/news/{article.Slug}");

        var deepest = page.QuerySelectorAll("li.comment").Single(c => c.QuerySelector(".comment-author")!.TextContent == "Deep 5");
        Assert.Contains("Replying to Deep 4", deepest.QuerySelector(".replying-to")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelectorAll("li.comment").Single(c => c.QuerySelector(".comment-author")!.TextContent == "Deep 1").QuerySelector(":scope > article .replying-to"));
    }

    [Theory]
    [InlineData("?cpage=0")]
    [InlineData("?cpage=-5")]
    [InlineData("?cpage=99999")]
    [InlineData("?cpage=abc")]
    [InlineData("?csort=sideways")]
    public async Task OddPagingInput_GivesANormalPage(string query)
    {
        var (article, _) = await LongThreadAsync();
        var (response, page) = await Html.GetAsync(_factory.CreateClient(), $"/news/{article.Slug}{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(ThreadsOn(page));
    }
}

/// <summary>The form stamp cannot be replayed for ever.</summary>
public sealed class FormStampExpiryTests
{
    [Fact]
    public async Task Post_WithAStampOlderThanTheMaximumAge_IsStoredAsSpamWithReason()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new NewsPortalFactory { Time = clock };
        factory.Settings["Comments:FormStampMaxAgeHours"] = "12";
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var client = factory.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");

        clock.Advance(TimeSpan.FromHours(13));
        var response = await Html.SubmitAsync(client, Html.CommentForm(page), new Dictionary<string, string>
        {
            ["Name"] = "Replay Bot",
            ["Email"] = "replay@example.com",
            ["Body"] = "Posted from a form shown yesterday.",
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Comments.SingleAsync(c => c.Article.Slug == slug));
        Assert.Equal(CommentStatus.Spam, stored.Status);
        Assert.Contains("replayed", stored.StatusReason, StringComparison.Ordinal);
    }
}
