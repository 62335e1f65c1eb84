namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>
/// The attack run's address: it matches the simple e-mail pattern but the mailer cannot parse it. Every reader form
/// that takes an address refuses it with the field's message and stores nothing (before, each queued a message that
/// failed for good in the outbox).
/// </summary>
public sealed class UnmailableEmailTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private const string Unmailable = "\"><svg/onload=alert(107)>@a.bc";
    private const string Message = "You have entered an incorrect email address!";


    private Task<int> OutboxCountAsync() => factory.WithDbAsync(db => db.OutboxMessages.CountAsync());

    [Fact]
    public async Task CommentForm_UnmailableAddress_ShowsTheFieldMessage_AndStoresNothing()
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var reader = factory.CreateNoRedirectClient();
        var response = await ReaderComments.PostAsync(reader, slug, "Probe", Unmailable, "Does this address get through?", new Dictionary<string, string> { ["NotifyReplies"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Message, (await Html.ParseAsync(response)).QuerySelector("#Email-error")!.TextContent.Trim());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ReplySubscriptions.CountAsync()));
    }

    [Fact]
    public async Task ReportForm_UnmailableAddress_ShowsTheFieldMessage_AndStoresNothing()
    {
        var (slug, id) = await factory.PublishedCommentAsync();
        var reader = factory.Reader("198.51.100.107");
        var form = await Reports.OpenReportFormAsync(reader, slug, id);

        var response = await Html.SubmitAsync(reader, form, new Dictionary<string, string> { ["Reason"] = "spam", ["Email"] = Unmailable });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Message, (await Html.ParseAsync(response)).QuerySelector("#Email-error")!.TextContent.Trim());
        Assert.Equal(0, await factory.WithDbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == id)));
    }

    [Fact]
    public async Task PrivacyForm_UnmailableAddress_ShowsTheFieldMessage_AndQueuesNothing()
    {
        var reader = factory.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(reader, "/privacy");
        var before = await OutboxCountAsync();

        var response = await Html.SubmitAsync(reader, page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action='/privacy']")!,
            new Dictionary<string, string> { ["Email"] = Unmailable, ["Request"] = "export" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Message, (await Html.ParseAsync(response)).QuerySelector("#Email-error")!.TextContent.Trim());
        Assert.Equal(before, await OutboxCountAsync());
    }
}
