namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>Published comments to report, and readers reporting them through the real pages.</summary>
public static class Reports
{
    /// <summary>A new article with one approved comment written straight to the database.</summary>
    public static Task<(string Slug, int CommentId)> PublishedCommentAsync(
        this NewsPortalFactory factory, string body = "A published comment.", string email = "author@example.com") =>
        factory.WithDbAsync(async db =>
        {
            var article = await new ArticleBuilder().SaveAsync(db);
            var comment = await StoredComments.AddAsync(
                db, article.Id, "Paula Published", email, $"<p>{body}</p>", CommentStatus.Approved, DateTime.UtcNow.AddMinutes(-30));
            return (article.Slug, comment.Id);
        });

    /// <summary>A browser of its own (its own cookies), optionally from its own network address.</summary>
    public static HttpClient Reader(this NewsPortalFactory factory, string? ipAddress = null)
    {
        var client = factory.CreateNoRedirectClient();
        if (ipAddress is not null)
        {
            client.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, ipAddress);
        }

        return client;
    }

    /// <summary>Opens the report page from the comment's own "Report" link on the article page, as a reader does.</summary>
    public static async Task<IHtmlFormElement> OpenReportFormAsync(HttpClient reader, string slug, int commentId)
    {
        var (_, article) = await Html.GetAsync(reader, $"/news/{slug}");
        var link = article.QuerySelector($"#comment-{commentId} a.report-link")
            ?? throw new InvalidOperationException($"Comment {commentId} has no Report link.");
        var (response, page) = await Html.GetAsync(reader, link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector<IHtmlFormElement>("form.report-form") ?? throw new InvalidOperationException("No report form.");
    }

    public static async Task<HttpResponseMessage> ReportAsync(
        HttpClient reader, string slug, int commentId, string reason, string? explanation = null, string? email = null)
    {
        var form = await OpenReportFormAsync(reader, slug, commentId);
        var values = new Dictionary<string, string> { ["Reason"] = reason };
        if (explanation is not null)
        {
            values["Explanation"] = explanation;
        }

        if (email is not null)
        {
            values["Email"] = email;
        }

        var response = await Html.SubmitAsync(reader, form, values);
        if (response.StatusCode == HttpStatusCode.SeeOther)
        {
            // As a browser does: the thank-you page is fetched (and its one-time notice used up). It is there for
            // every reader whose report was taken, also the one whose report just took the comment off the site.
            var (thanks, page) = await Html.GetAsync(reader, response.Headers.Location!.OriginalString);
            Assert.True(thanks.StatusCode == HttpStatusCode.OK, $"The thank-you page {response.Headers.Location} answered {(int)thanks.StatusCode}.");
            Thanks.AddOrUpdate(response, page);
        }

        return response;
    }

    /// <summary>The page the browser landed on after a report was accepted.</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpResponseMessage, IDocument> Thanks = [];
}
