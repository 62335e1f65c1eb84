namespace NewsPortal.IntegrationTests.Features.Notifications;

/// <summary>A site on a fake clock with a real SMTP server on loopback, and how readers comment and moderators decide, shared by the notification tests: the reader's form, the dispatcher, the outbox, then the links in the messages.</summary>
public abstract class NotificationTestBase : MailSiteTestBase
{
    private protected const string Moderator = "mod@test.example";

    private protected override async Task ConfigureAsync(NewsPortalFactory site)
    {
        site.Settings["Notifications:ReplyGrouping"] = "00:03:00";
        site.Settings["Site:PublicUrl"] = "https://news.example.test";
        await site.CreateStaffAsync(Moderator, Roles.Moderator);
    }

    private protected async Task<string> ArticleAsync() => (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private protected async Task<int> PostCommentAsync(string slug, string email, string body, bool notify = false, int? parentId = null)
    {
        var client = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        var values = new Dictionary<string, string> { ["Name"] = email.Split('@')[0], ["Email"] = email, ["Body"] = body };
        if (notify)
        {
            var box = page.QuerySelector<IHtmlInputElement>("#comments input[name='NotifyReplies']");
            Assert.NotNull(box);
            Assert.Equal("checkbox", box.Type);
            Assert.Equal("true", box.Value);
            Assert.False(box.IsChecked);
            values["NotifyReplies"] = "true";
        }

        if (parentId is not null)
        {
            values["ParentId"] = parentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = await Html.SubmitAsync(client, Html.CommentForm(page), values);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{(int)response.StatusCode} {string.Join("|", (await Html.ParseAsync(response)).QuerySelectorAll(".form-errors, .field-error, [role=alert]").Select(e => e.TextContent.Trim()))}");
        return await _site.WithDbAsync(db => db.Comments.Where(c => c.BodyHtml.Contains(body)).Select(c => c.Id).SingleAsync());
    }

    /// <summary>A reader's comment on a new article, approved by the admin: the article's slug and the comment's id.</summary>
    private protected async Task<(string Slug, int Id)> ApprovedCommentAsync(string email, string body)
    {
        var slug = await ArticleAsync();
        var id = await PostCommentAsync(slug, email, body);
        await ApproveAsync(id);
        return (slug, id);
    }

    private protected async Task ApproveAsync(int id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ModerationService>()
            .ApplyAsync(id, ModerationAction.Approve, null, StaffSessions.AdminEmail, TestContext.Current.CancellationToken);
        Assert.Equal(ModerationOutcome.Changed, result.Outcome);
    }

    private protected async Task<HttpClient> ChooseAsync(string email, string choice)
    {
        var client = await _site.SignedInAsync(email);
        var (response, page) = await Html.GetAsync(client, "/admin/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/admin/notifications']")!;
        var saved = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["HeldComments"] = choice });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var (_, after) = await Html.GetAsync(client, "/admin/notifications");
        Assert.True(after.QuerySelector<IHtmlInputElement>($"input[name='HeldComments'][value='{choice}']")!.IsChecked);
        return client;
    }

    private protected static string LinkIn(MimeMessage message, string label)
    {
        var lines = (message.TextBody ?? string.Empty).Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith(label, StringComparison.Ordinal));
        Assert.True(at >= 0, $"No '{label}' in:\n{message.TextBody}");
        return lines[at + 1].Trim();
    }

    private protected static string Local(string absolute) => new Uri(absolute).PathAndQuery;

    private protected static bool To(MimeMessage message, string address) => message.To.Mailboxes.Any(a => a.Address == address);

    private protected static bool Mentions(MimeMessage message, int commentId) =>
        (message.TextBody ?? string.Empty).Contains($"/admin/comments/{commentId}\n", StringComparison.Ordinal);

    private protected async Task HoldByReportsAsync(string slug, int id)
    {
        foreach (var address in new[] { "198.51.100.71", "198.51.100.72", "198.51.100.73" })
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(_site.Reader(address), slug, id, "abuse")).StatusCode);
        }

        Assert.Equal(CommentStatus.Pending, await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }
}
