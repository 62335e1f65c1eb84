namespace NewsPortal.IntegrationTests.Features.Articles;

/// <summary>The article page shared by anonymous readers, whose per-reader holes are filled as it is sent.</summary>
public sealed class SharedArticlePageTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task CommentQuotingTheOldPlaceholders_ShowsThemLiterally_NeverAReadersTokenOrStamp()
    {
        // A comment as the sanitizer would have stored it, carrying the text the holes used to be found by.
        var (slug, id) = await factory.PublishedCommentAsync(
            "<a href=\"https://x.example/?t=__NP_ANTIFORGERY_TOKEN__&amp;s=__NP_FORM_STAMP__\" rel=\"nofollow ugc noopener\">see</a> __NP_ANTIFORGERY_TOKEN__ __NP_FORM_STAMP__");

        foreach (var reader in new[] { factory.CreateClient(), factory.CreateClient() }) // the second is served the stored copy
        {
            var (response, page) = await Html.GetAsync(reader, $"/news/{slug}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var comment = page.QuerySelector($"#comment-{id}")!;
            Assert.Equal("https://x.example/?t=__NP_ANTIFORGERY_TOKEN__&s=__NP_FORM_STAMP__", comment.QuerySelector("a[href^='https://x.example']")!.GetAttribute("href"));
            Assert.Contains("__NP_ANTIFORGERY_TOKEN__ __NP_FORM_STAMP__", comment.TextContent, StringComparison.Ordinal);

            // The form still gets this reader's own values, and no hole is left in the page.
            var form = Html.CommentForm(page);
            Assert.Matches("^[^<>\"\\s]{20,}$", form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!);
            Assert.Matches("^[^<>\"\\s]{10,}$", form.QuerySelector("input[name='Stamp']")!.GetAttribute("value")!);
            Assert.DoesNotContain("NP_", form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!, StringComparison.Ordinal);
            Assert.DoesNotContain("np-hole", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }
    }
}
