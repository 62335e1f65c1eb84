namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>Forged posts: no or another visitor's token is refused; a honeypot, a forged or misplaced stamp is stored as spam and answered like a held comment.</summary>
public sealed class CommentSpamDefenceTests(NewsPortalFactory factory) : CommentPostingTestBase(factory), IClassFixture<NewsPortalFactory>
{
    /// <summary>Sends a forged post on a new article: it is refused with a 400 and nothing is stored.</summary>
    private async Task AssertRefusedAsync(Func<string, Task<HttpResponseMessage>> post)
    {
        var slug = await NewArticleAsync();

        var response = await post(slug);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await CommentsOnAsync(slug));
    }

    [Fact]
    public Task Post_WithoutAntiforgeryToken_Returns400AndStoresNothing() =>
        AssertRefusedAsync(async slug =>
        {
            var (client, form) = await OpenFormAsync(slug);
            return await CrossSitePosts.PostWithoutTokenAsync(client, form, Typed("No token here."));
        });

    [Fact]
    public Task Post_WithAnotherVisitorsToken_Returns400AndStoresNothing() =>
        AssertRefusedAsync(async slug =>
        {
            var (_, theirs) = await OpenFormAsync(slug);
            var (mine, _) = await OpenFormAsync(slug);
            return await Html.SubmitAsync(mine, theirs, Typed("Borrowed token."));
        });

    /// <summary>Posts on <paramref name="slug"/> with one field filled in as a bot fills it, and asserts the comment is stored as spam for <paramref name="reason"/>.</summary>
    private async Task<HttpResponseMessage> PostAsABotAsync(string slug, string body, string field, string value, string reason)
    {
        var (client, form) = await OpenFormAsync(slug);
        var typed = Typed(body);
        typed[field] = value;

        var response = await Html.SubmitAsync(client, form, typed);

        await AssertStoredAsSpamAsync(slug, reason);
        return response;
    }

    [Fact]
    public async Task Post_HoneypotFilled_LooksAcceptedButIsStoredAsSpamWithReason()
    {
        var response = await PostAsABotAsync(await NewArticleAsync(), "Buy cheap watches", "Website", "http://spam.example", "honeypot");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForgedStamp_IsStoredAsSpamWithReason() =>
        await PostAsABotAsync(await NewArticleAsync(), "Posted with a made-up timestamp.", "Stamp", "CfDJ8-forged", "timestamp");

    [Fact]
    public async Task Post_StampOfAnotherArticle_IsStoredAsSpamWithReason()
    {
        var slug = await NewArticleAsync();
        var (_, otherForm) = await OpenFormAsync(await NewArticleAsync());

        await PostAsABotAsync(slug, "Posted with a stamp lifted from another article.", "Stamp", otherForm.QuerySelector<IHtmlInputElement>("input[name=Stamp]")!.Value, "forged");
    }

    [Fact]
    public async Task Post_SpamVerdict_IsAnsweredExactlyLikeAHeldComment()
    {
        var (slug, (person, personForm), (bot, botForm)) = await TwoReadersOnANewArticleAsync();
        var botTyped = Typed("Buy cheap watches today", name: "Bot", email: "bot@example.com");
        botTyped["Website"] = "http://spam.example";

        var personPost = await Html.SubmitAsync(person, personForm, Typed("A considered point about the piece."));
        var botPost = await Html.SubmitAsync(bot, botForm, botTyped);

        var stored = await CommentsOnAsync(slug);
        var held = stored.Single(c => c.Status == CommentStatus.Pending);
        var spam = stored.Single(c => c.Status == CommentStatus.Spam);
        foreach (var (client, post, comment) in new[] { (person, personPost, held), (bot, botPost, spam) })
        {
            Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
            Assert.Equal($"/news/{slug}/comments/{comment.Id}", post.Headers.Location!.OriginalString);
            var permalink = await client.GetAsync(post.Headers.Location);
            Assert.Equal(HttpStatusCode.Redirect, permalink.StatusCode);
            Assert.Equal($"/news/{slug}#comment-{comment.Id}", permalink.Headers.Location!.OriginalString);
            var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
            Assert.Contains("Your comment is awaiting moderation", page.QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);
            var own = Assert.Single(page.QuerySelectorAll("#comments li.comment-held"));
            Assert.Equal($"comment-{comment.Id}", own.Id);
        }

        var (_, stranger) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.Empty(stranger.QuerySelectorAll("li.comment"));
    }

    /// <summary>The one comment on the article was kept, as spam, with a reason naming <paramref name="because"/>.</summary>
    private async Task AssertStoredAsSpamAsync(string slug, string because)
    {
        var stored = Assert.Single(await CommentsOnAsync(slug));
        Assert.Equal(CommentStatus.Spam, stored.Status);
        Assert.Contains(because, stored.StatusReason, StringComparison.OrdinalIgnoreCase);
    }
}
