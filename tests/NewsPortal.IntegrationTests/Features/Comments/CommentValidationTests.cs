namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>A comment's fields: the same rules in the browser and on the server, a message next to a bad field, markup and names stored cleaned.</summary>
public sealed class CommentValidationTests(NewsPortalFactory factory) : CommentPostingTestBase(factory), IClassFixture<NewsPortalFactory>
{
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
        var (slug, response) = await PostOnANewArticleAsync(Typed(body, name, email));

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
    public async Task Post_BodyOverTheLimit_ShowsAMessageAndStoresNothing()
    {
        var (slug, response) = await PostOnANewArticleAsync(Typed(new string('a', FieldLengths.CommentBody + 1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("5000", page.QuerySelector("#Body-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_OversizeRequest_IsRefusedWith413BeforeItIsRead()
    {
        var (slug, response) = await PostOnANewArticleAsync(Typed(new string('a', 200_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("That is too much to send", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Empty(await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_BodyWithMarkupAndLinks_IsStoredSanitized()
    {
        var (slug, _) = await PostOnANewArticleAsync(Typed("<b>Bold</b> and <script>alert(1)</script>\n\nsee https://example.org/report <img src=x onerror=alert(1)>"));

        var stored = Assert.Single(await CommentsOnAsync(slug));
        Assert.Equal(
            "<p><b>Bold</b> and </p>\n<p>see <a href=\"https://example.org/report\" rel=\"nofollow ugc noopener\">https://example.org/report</a> </p>",
            stored.BodyHtml);
    }

    [Fact]
    public async Task Post_NameWithBidiOverride_IsStoredCleaned()
    {
        var (slug, _) = await PostOnANewArticleAsync(Typed("Hello.", name: "  Jose\u0301 \u202Eevil\u202C   Smith\u200B "));

        Assert.Equal("José evil Smith", Assert.Single(await CommentsOnAsync(slug)).AuthorName);
    }
}
