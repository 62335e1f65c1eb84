using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>The reader's comment form, posted the way a browser posts it.</summary>
public sealed class CommentPostingTests : IClassFixture<NewsPortalFactory>
{
    private readonly NewsPortalFactory _factory;

    public CommentPostingTests(NewsPortalFactory factory) => _factory = factory;

    private async Task<string> NewArticleAsync() =>
        (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private async Task<(HttpClient Client, IHtmlFormElement Form)> OpenFormAsync(string slug, HttpClient? client = null)
    {
        client ??= _factory.CreateNoRedirectClient();
        var (_, document) = await Html.GetAsync(client, $"/news/{slug}");
        return (client, Html.CommentForm(document));
    }

    private static Dictionary<string, string> Typed(string body, string name = "Ada Lovelace", string email = "ada@example.com") =>
        new() { ["Name"] = name, ["Email"] = email, ["Body"] = body };

    private Task<List<Comment>> CommentsOnAsync(string slug) =>
        _factory.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Article.Slug == slug).OrderBy(c => c.Id).ToListAsync());

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

    public static TheoryData<string, string, string, string, string> InvalidInputs => new()
    {
        { "Body", "", "Ada", "ada@example.com", "Please enter your comment!" },
        { "Body", "   \n\t  ", "Ada", "ada@example.com", "Please enter your comment!" },
        { "Name", "A real comment.", "", "ada@example.com", "Please enter your name here" },
        { "Name", "A real comment.", "\u200B\u202E\u200D", "ada@example.com", "Please enter your name here" },
        { "Email", "A real comment.", "Ada", "", "Please enter your email address here" },
        { "Email", "A real comment.", "Ada", "not-an-email", "You have entered an incorrect email address!" },
        { "Email", "A real comment.", "Ada", "two@@example.com", "You have entered an incorrect email address!" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Post_InvalidField_ShowsTheSeedMessageNextToItAndStoresNothing(
        string field, string body, string name, string email, string message)
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);

        var response = await Html.SubmitAsync(client, form, Typed(body, name, email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var page = await Html.ParseAsync(response);
        var error = page.QuerySelector($"#{field}-error")!;
        Assert.Equal(message, error.TextContent.Trim());
        Assert.Contains($"{field}-error", page.QuerySelector($"#{field}")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(await CommentsOnAsync(slug));

        // What the reader typed comes back so nothing is lost.
        var again = Html.CommentForm(page);
        if (body.Trim().Length > 0)
        {
            Assert.Equal(body, ((IHtmlTextAreaElement)again.QuerySelector("#Body")!).Value);
        }

        Assert.Equal(email, ((IHtmlInputElement)again.QuerySelector("#Email")!).Value);
    }

    [Fact]
    public async Task Form_CarriesTheSameRulesForTheBrowser()
    {
        var slug = await NewArticleAsync();
        var (_, form) = await OpenFormAsync(slug);

        Assert.Equal("Please enter your comment!", form.QuerySelector("#Body")!.GetAttribute("data-val-required"));
        Assert.Equal("Please enter your name here", form.QuerySelector("#Name")!.GetAttribute("data-val-required"));
        Assert.Equal("Please enter your email address here", form.QuerySelector("#Email")!.GetAttribute("data-val-required"));
        Assert.Equal("You have entered an incorrect email address!", form.QuerySelector("#Email")!.GetAttribute("data-val-regex"));
        Assert.Equal("5000", form.QuerySelector("#Body")!.GetAttribute("data-val-length-max"));
        Assert.Equal("name", form.QuerySelector("#Name")!.GetAttribute("autocomplete"));
        Assert.Equal("email", form.QuerySelector("#Email")!.GetAttribute("autocomplete"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);
        var fields = Html.FormValues(form, Typed("No token here."));
        fields.RemoveAll(f => f.Key == "__RequestVerificationToken");

        var response = await Html.PostAsync(client, Html.ActionOf(form), fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_WithAnotherVisitorsToken_Returns400AndStoresNothing()
    {
        var slug = await NewArticleAsync();
        var (_, theirs) = await OpenFormAsync(slug);
        var (mine, _) = await OpenFormAsync(slug);

        var response = await Html.SubmitAsync(mine, theirs, Typed("Borrowed token."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_HoneypotFilled_LooksAcceptedButIsStoredAsSpamWithReason()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);
        var typed = Typed("Buy cheap watches");
        typed["Website"] = "http://spam.example";

        var response = await Html.SubmitAsync(client, form, typed);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = Assert.Single(await CommentsOnAsync(slug));
        Assert.Equal(CommentStatus.Spam, stored.Status);
        Assert.Contains("honeypot", stored.StatusReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_ForgedStamp_IsStoredAsSpamWithReason()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);
        var typed = Typed("Posted with a made-up timestamp.");
        typed["Stamp"] = "CfDJ8-forged";

        await Html.SubmitAsync(client, form, typed);

        var stored = Assert.Single(await CommentsOnAsync(slug));
        Assert.Equal(CommentStatus.Spam, stored.Status);
        Assert.Contains("timestamp", stored.StatusReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_StampOfAnotherArticle_IsStoredAsSpamWithReason()
    {
        var slug = await NewArticleAsync();
        var (_, otherForm) = await OpenFormAsync(await NewArticleAsync());
        var (client, form) = await OpenFormAsync(slug);
        var typed = Typed("Posted with a stamp lifted from another article.");
        typed["Stamp"] = otherForm.QuerySelector<IHtmlInputElement>("input[name=Stamp]")!.Value;

        await Html.SubmitAsync(client, form, typed);

        var stored = Assert.Single(await CommentsOnAsync(slug));
        Assert.Equal(CommentStatus.Spam, stored.Status);
        Assert.Contains("forged", stored.StatusReason, StringComparison.OrdinalIgnoreCase);
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
    public async Task Post_SpamVerdict_IsAnsweredExactlyLikeAHeldComment()
    {
        var slug = await NewArticleAsync();
        var (person, personForm) = await OpenFormAsync(slug);
        var (bot, botForm) = await OpenFormAsync(slug);
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

    [Fact]
    public async Task Post_SameEmailAndTextFromAnotherBrowser_DoesNotShowItTheFirstPostersHeldComment()
    {
        var slug = await NewArticleAsync();
        var (first, firstForm) = await OpenFormAsync(slug);
        var (second, secondForm) = await OpenFormAsync(slug);
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

    [Fact]
    public async Task Post_BodyOverTheLimit_ShowsAMessageAndStoresNothing()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);

        var response = await Html.SubmitAsync(client, form, Typed(new string('a', FieldLengths.CommentBody + 1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("5000", page.QuerySelector("#Body-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_OversizeRequest_IsRefusedWith413BeforeItIsRead()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);

        var response = await Html.SubmitAsync(client, form, Typed(new string('a', 200_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("That is too much to send", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Empty(await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_BodyWithMarkupAndLinks_IsStoredSanitized()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);

        await Html.SubmitAsync(client, form, Typed("<b>Bold</b> and <script>alert(1)</script>\n\nsee https://example.org/report <img src=x onerror=alert(1)>"));

        var stored = Assert.Single(await CommentsOnAsync(slug));
        Assert.Equal(
            "<p><b>Bold</b> and </p>\n<p>see <a href=\"https://example.org/report\" rel=\"nofollow ugc noopener\">https://example.org/report</a> </p>",
            stored.BodyHtml);
    }

    [Fact]
    public async Task Post_NameWithBidiOverride_IsStoredCleaned()
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);

        await Html.SubmitAsync(client, form, Typed("Hello.", name: "  Jose\u0301 \u202Eevil\u202C   Smith\u200B "));

        Assert.Equal("José evil Smith", Assert.Single(await CommentsOnAsync(slug)).AuthorName);
    }
}
