namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>The moderation and anti-spam rules, each configured as an operator would, end to end.</summary>
public sealed class CommentRuleTests
{
    private static async Task<(HttpClient Client, IHtmlFormElement Form, string Slug)> OpenFormAsync(NewsPortalFactory factory)
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var client = factory.CreateNoRedirectClient();
        var (_, document) = await Html.GetAsync(client, $"/news/{slug}");
        return (client, Html.CommentForm(document), slug);
    }

    private static Dictionary<string, string> Typed(string body, string email = "reader@example.com") =>
        new() { ["Name"] = "A Reader", ["Email"] = email, ["Body"] = body };

    private static Task<Comment> OnlyCommentAsync(NewsPortalFactory factory, string slug) =>
        factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Article.Slug == slug));

    /// <summary>A site of its own, configured as an operator would for the rule under test.</summary>
    private static NewsPortalFactory SiteWith(params (string Key, string Value)[] settings)
    {
        var factory = new NewsPortalFactory();
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>A reader posts <paramref name="body"/> on a new article: the answer, the comment as stored and the article.</summary>
    private static async Task<(HttpResponseMessage Response, Comment Comment, string Slug)> PostAsync(NewsPortalFactory factory, string body, string email = "reader@example.com")
    {
        var (client, form, slug) = await OpenFormAsync(factory);
        var response = await Html.SubmitAsync(client, form, Typed(body, email));
        return (response, await OnlyCommentAsync(factory, slug), slug);
    }

    [Fact]
    public async Task TooManyLinks_IsHeldWithTheCountAsReason()
    {
        using var factory = SiteWith(("Comments:MaxLinks", "1"));

        var (_, comment, _) = await PostAsync(factory, "See https://a.example and https://b.example for more.");

        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Equal("Contains 2 links (more than 1).", comment.StatusReason);
    }

    [Fact]
    public async Task ModerationKeyword_IsHeldNamingTheKeyword()
    {
        using var factory = SiteWith(("Comments:PreModeration", "false"), ("Comments:ModerationKeywords:0", "lawsuit"));

        var (_, comment, _) = await PostAsync(factory, "I smell a LAWSUIT coming.");

        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Contains("lawsuit", comment.StatusReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Comments:BlockedWords:0", "casino", "Best casino bonuses here", "reader@example.com", "casino")]
    [InlineData("Comments:BlockedEmails:0", "@spam.example", "Hello there", "bot@spam.example", "@spam.example")]
    public async Task Blocklisted_IsStoredAsSpamWithReason(string key, string value, string body, string email, string reasonMentions)
    {
        using var factory = SiteWith((key, value));

        var (response, comment, _) = await PostAsync(factory, body, email);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(CommentStatus.Spam, comment.Status);
        Assert.Contains(reasonMentions, comment.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreModerationOff_PublishesAtOnceForEveryone()
    {
        using var factory = SiteWith(("Comments:PreModeration", "false"));

        var (_, comment, slug) = await PostAsync(factory, "Straight onto the page.");

        Assert.Equal(CommentStatus.Approved, comment.Status);
        var (_, stranger) = await Html.GetAsync(factory.CreateClient(), $"/news/{slug}");
        Assert.Contains("Straight onto the page.", stranger.QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviouslyApprovedEmail_IsApprovedWhenTheRuleIsOn()
    {
        using var factory = new NewsPortalFactory();
        factory.Settings["Comments:AutoApprovePreviouslyApproved"] = "true";
        var (client, form, slug) = await OpenFormAsync(factory);
        await Html.SubmitAsync(client, form, Typed("My first comment.", "regular@example.com"));
        await factory.WithDbAsync(db => db.Comments.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved)));
        factory.ForgetReaderCache();

        var (client2, form2, slug2) = await OpenFormAsync(factory);
        await Html.SubmitAsync(client2, form2, Typed("My second comment.", "Regular@Example.com"));

        var second = await OnlyCommentAsync(factory, slug2);
        Assert.Equal(CommentStatus.Approved, second.Status);
        Assert.Contains("approved comment", second.StatusReason, StringComparison.Ordinal);
        Assert.NotEqual(slug, slug2);
    }

    [Fact]
    public async Task PostedFasterThanAPerson_IsStoredAsSpamWithReason()
    {
        using var factory = new NewsPortalFactory();
        factory.Settings["Comments:MinSecondsToPost"] = "3";
        var (client, form, slug) = await OpenFormAsync(factory);

        var response = await Html.SubmitAsync(client, form, Typed("Instant reply from a script."));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var comment = await OnlyCommentAsync(factory, slug);
        Assert.Equal(CommentStatus.Spam, comment.Status);
        Assert.Contains("minimum 3 s", comment.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostedAfterReading_PassesTheTimingCheck()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new NewsPortalFactory { Time = time };
        factory.Settings["Comments:MinSecondsToPost"] = "3";
        var (client, form, slug) = await OpenFormAsync(factory);

        time.Advance(TimeSpan.FromSeconds(20));
        await Html.SubmitAsync(client, form, Typed("Took my time writing this."));

        Assert.Equal(CommentStatus.Pending, (await OnlyCommentAsync(factory, slug)).Status);
    }

    [Fact]
    public async Task MorePostsThanTheLimit_Answer429WithRetryAfterAndAFriendlyPage()
    {
        using var factory = new NewsPortalFactory();
        factory.Settings["Comments:PostsPerMinutePerIp"] = "2";
        var (client, form, slug) = await OpenFormAsync(factory);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3; i++)
        {
            var response = await Html.SubmitAsync(client, form, Typed($"Comment number {i}."));
            statuses.Add(response.StatusCode);
            limited = response;
        }

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing.");
        var page = await Html.ParseAsync(limited);
        Assert.Equal("Too many requests", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(2, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }

    [Fact]
    public async Task FormFromOneInstance_PostsToAnotherInstanceOnTheSameDatabase()
    {
        using var first = new NewsPortalFactory();
        var slug = (await first.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        using var second = new NewsPortalFactory { DatabasePath = first.DatabasePath };

        // The browser renders the form on the first instance and keeps its cookies...
        var rendered = await first.Server.CreateClient().GetAsync(new Uri($"/news/{slug}", UriKind.Relative));
        var form = Html.CommentForm(await Html.ParseAsync(rendered));
        var cookies = string.Join("; ", rendered.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        // ...and the load balancer sends the post to the second.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Html.ActionOf(form), UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(Html.FormValues(form, Typed("Posted to the other server."))),
        };
        request.Headers.Add("Cookie", cookies);
        var response = await second.Server.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var comment = await OnlyCommentAsync(second, slug);
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.DoesNotContain("Bot check", comment.StatusReason, StringComparison.Ordinal);
    }
}
