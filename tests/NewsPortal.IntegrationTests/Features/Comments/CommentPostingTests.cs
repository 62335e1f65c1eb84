namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>A reader's comment posted as a browser does: held, shown to its author only, threaded, stored once, refused where closed.</summary>
public sealed class CommentPostingTests(NewsPortalFactory factory) : CommentPostingTestBase(factory), IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task Post_AsABrowserDoes_RedirectsToTheArticleAndHoldsTheComment()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);

        var response = await Html.SubmitAsync(client, form, Typed("What a well-reported piece."));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = Assert.Single(await CommentsOnAsync(slug));
        Assert.Equal($"/news/{slug}/comments/{stored.Id}", response.Headers.Location!.OriginalString);
        var permalink = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, permalink.StatusCode);
        Assert.Equal($"/news/{slug}#comment-{stored.Id}", permalink.Headers.Location!.OriginalString);
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Equal("Ada Lovelace", stored.AuthorName);
        Assert.Equal("ada@example.com", stored.AuthorEmail);
        Assert.Equal("<p>What a well-reported piece.</p>", stored.BodyHtml);
        Assert.False(string.IsNullOrEmpty(stored.StatusReason));
    }

    [Fact]
    public async Task Post_HeldComment_IsShownToItsAuthorOnlyAndNeverTheirEmail()
    {
        var slug = await NewArticleAsync();
        var (author, form) = await OpenFormAsync(slug, _factory.CreateClient());

        var response = await Html.SubmitAsync(author, form, Typed("Only I should see this for now.", email: "secret.reader@example.com"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith($"/news/{slug}", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Your comment is awaiting moderation", page.QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);
        var held = page.QuerySelector("#comments li.comment-held")!;
        Assert.Contains("Only I should see this for now.", held.TextContent, StringComparison.Ordinal);

        var (_, stranger) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.DoesNotContain("Only I should see this", stranger.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(stranger.QuerySelectorAll("li.comment"));

        foreach (var url in new[] { $"/news/{slug}", "/feed.xml", "/sitemap.xml", "/" })
        {
            var html = await author.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.DoesNotContain("secret.reader@example.com", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Post_IdenticalTwice_IsStoredOnce()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);

        var first = await Html.SubmitAsync(client, form, Typed("Saying this twice by accident."));
        var second = await Html.SubmitAsync(client, form, Typed("Saying this twice by accident."));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_SameEmailAndTextFromAnotherBrowser_DoesNotShowItTheFirstPostersHeldComment()
    {
        var (slug, (first, firstForm), (second, secondForm)) = await TwoReadersOnANewArticleAsync();
        var typed = Typed("Exactly the same words.", name: "First Poster", email: "shared@example.com");

        await Html.SubmitAsync(first, firstForm, typed);
        var again = await Html.SubmitAsync(second, secondForm, Typed("Exactly the same words.", name: "Second Poster", email: "shared@example.com"));

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var stored = Assert.Single(await CommentsOnAsync(slug));
        Assert.Equal("First Poster", stored.AuthorName);
        var (_, secondPage) = await Html.GetAsync(second, $"/news/{slug}");
        Assert.Empty(secondPage.QuerySelectorAll("li.comment"));
        Assert.DoesNotContain("First Poster", secondPage.Body!.TextContent, StringComparison.Ordinal);
        var (_, firstPage) = await Html.GetAsync(first, $"/news/{slug}");
        Assert.Equal($"comment-{stored.Id}", Assert.Single(firstPage.QuerySelectorAll("li.comment-held")).Id);
    }

    [Fact]
    public async Task Post_IdenticalAtTheSameMoment_IsStoredOnce()
    {
        var slug = await NewArticleAsync();
        var forms = new List<(HttpClient, IHtmlFormElement)>();
        for (var i = 0; i < 8; i++)
        {
            forms.Add(await OpenFormAsync(slug));
        }

        var responses = await Task.WhenAll(forms.Select(f => Html.SubmitAsync(f.Item1, f.Item2, Typed("Racing myself to the submit button."))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Single(await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_ReplyToAnApprovedComment_IsStoredUnderItAndRenderedNested()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);
        await Html.SubmitAsync(client, form, Typed("The parent comment."));
        var parent = Assert.Single(await CommentsOnAsync(slug));
        await _factory.WithDbAsync(db => db.Comments.Where(c => c.Id == parent.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved)));
        _factory.ForgetReaderCache();

        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        var replyLink = page.QuerySelector($"#comment-{parent.Id} .reply-link")!.GetAttribute("href")!;
        var (_, replyPage) = await Html.GetAsync(client, replyLink);
        Assert.Contains("Reply to Ada Lovelace", replyPage.QuerySelector("#reply-title")!.TextContent, StringComparison.Ordinal);
        await Html.SubmitAsync(client, Html.CommentForm(replyPage), Typed("A reply to the parent.", name: "Grace Hopper", email: "grace@example.com"));

        var reply = (await CommentsOnAsync(slug)).Single(c => c.Id != parent.Id);
        Assert.Equal(parent.Id, reply.ParentId);
        await _factory.WithDbAsync(db => db.Comments.Where(c => c.Id == reply.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved)));
        _factory.ForgetReaderCache();
        var (_, stranger) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.NotNull(stranger.QuerySelector($"#comment-{parent.Id} > ol.comment-replies > li#comment-{reply.Id}"));
    }

    [Fact]
    public async Task Post_ThreeLevelsOfReplies_AreRenderedNested()
    {
        var slug = await NewArticleAsync();
        var ids = new List<int>();
        await _factory.WithDbAsync(async db =>
        {
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            int? parent = null;
            for (var depth = 0; depth < 4; depth++)
            {
                var comment = new Comment
                {
                    ArticleId = articleId,
                    ParentId = parent,
                    AuthorName = $"Level {depth}",
                    AuthorEmail = "l@example.com",
                    BodyHtml = $"<p>Depth {depth}</p>",
                    Status = CommentStatus.Approved,
                    CreatedAt = DateTime.UtcNow.AddMinutes(depth - 10),
                };
                db.Comments.Add(comment);
                await db.SaveChangesAsync();
                ids.Add(comment.Id);
                parent = comment.Id;
            }
        });

        var (_, page) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");

        Assert.NotNull(page.QuerySelector(
            $"#comment-{ids[0]} > ol > li#comment-{ids[1]} > ol > li#comment-{ids[2]} > ol > li#comment-{ids[3]}"));
        Assert.Contains("4 comments", page.QuerySelector("#comments h2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ToAnArticleWithCommentsClosed_IsRefusedAndStoresNothing()
    {
        var open = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(open);
        var closed = await _factory.WithDbAsync(db => new ArticleBuilder().CommentsClosed().SaveAsync(db));

        var (_, closedPage) = await Html.GetAsync(client, $"/news/{closed.Slug}");
        Assert.Null(closedPage.QuerySelector("#comments form"));
        Assert.Contains("Comments are closed.", closedPage.QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);

        var fields = Html.FormValues(form, Typed("Trying anyway."));
        var response = await Html.PostAsync(client, $"/news/{closed.Slug}/comments", fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await CommentsOnAsync(closed.Slug));
    }

    [Fact]
    public async Task Post_ToAnUnknownArticle_Returns404()
    {
        var open = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(open);

        var response = await Html.PostAsync(client, "/news/no-such-story/comments", Html.FormValues(form, Typed("Hello?")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
