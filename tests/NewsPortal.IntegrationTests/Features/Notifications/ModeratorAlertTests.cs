namespace NewsPortal.IntegrationTests.Features.Notifications;

/// <summary>A moderator wanting each held comment is mailed it with its reason and links; forged or expired links offer nothing.</summary>
public sealed class ModeratorAlertTests : NotificationTestBase
{
    [Fact]
    public async Task HeldComment_ModeratorWantingEach_GetsItWithReasonAndLinks_AndTheApproveLinkOnlyAsksFirst()
    {
        var moderator = await ChooseAsync(Moderator, "EveryComment");
        var slug = await ArticleAsync();
        var id = await PostCommentAsync(slug, "reader@example.test", "Held for the moderators to see.");

        await DeliverAsync();

        var message = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == Moderator));
        Assert.Contains("Held because:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("> Held for the moderators to see.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal($"https://news.example.test/admin/comments/{id}", LinkIn(message, "Open it in the moderation queue"));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.DoesNotContain(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == StaffSessions.AdminEmail)); // chose nothing

        // Following the link (as a scanner would) changes nothing; the page's button does.
        var approve = Local(LinkIn(message, "Approve it"));
        var (response, page) = await Html.GetAsync(moderator, approve);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        var form = page.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/approve']");
        Assert.NotNull(form);
        await Html.SubmitAsync(moderator, form, new Dictionary<string, string>());
        Assert.Equal(CommentStatus.Approved, await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task CommentHeldByReaders_Reports_AlertsTheModeratorWantingEach()
    {
        await ChooseAsync(Moderator, "EveryComment");
        var (slug, id) = await ApprovedCommentAsync("reader@example.test", "Fine at first, reported later.");
        await DeliverAsync();
        var before = _smtp.Messages.Count(m => To(m, Moderator) && Mentions(m, id));

        await HoldByReportsAsync(slug, id);
        await DeliverAsync();

        var alerts = _smtp.Messages.Where(m => To(m, Moderator) && Mentions(m, id)).ToList();
        Assert.Equal(before + 1, alerts.Count);
        Assert.Contains("Held automatically after readers' reports", alerts[^1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovedComment_EditedByItsAuthor_GoesBackToModeration_TellsTheAuthor_AndAlertsTheModerator()
    {
        // The attack run's scenario: post something harmless, wait for approval, then swap the text.
        await ChooseAsync(Moderator, "EveryComment");
        var slug = await ArticleAsync();
        var author = _site.CreateNoRedirectClient();
        await ReaderComments.PostAsync(author, slug, "Bait", "bait@example.test", "What a lovely article.");
        var id = await _site.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).Select(c => c.Id).SingleAsync());
        await ApproveAsync(id);
        await DeliverAsync();
        var before = _smtp.Messages.Count(m => To(m, Moderator) && Mentions(m, id));

        var (_, article) = await Html.GetAsync(author, $"/news/{slug}");
        var (_, edit) = await Html.GetAsync(author, article.QuerySelector($"#comment-{id} a.edit-link")!.GetAttribute("href")!);
        Assert.Contains("until a moderator has read it again", edit.QuerySelector(".report-page [role=note]")!.TextContent, StringComparison.Ordinal);
        var saved = await Html.SubmitAsync(author, edit.QuerySelector<IHtmlFormElement>($"form[action='/news/{slug}/comments/{id}/edit']")!,
            new Dictionary<string, string> { ["Body"] = "SWITCHED: buy cheap pills now, totally different text" });

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var comment = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CommentStatus.Pending, comment.Status);
        var (_, stranger) = await Html.GetAsync(_site.CreateClient(), $"/news/{slug}");
        Assert.DoesNotContain("SWITCHED", stranger.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.Null(stranger.QuerySelector($"#comment-{id}"));
        await author.GetAsync(new Uri(saved.Headers.Location!.OriginalString, UriKind.Relative), TestContext.Current.CancellationToken); // the permalink
        var (_, own) = await Html.GetAsync(author, $"/news/{slug}");
        Assert.Contains("waits for a moderator", own.QuerySelector("#comments [role=status]")!.TextContent, StringComparison.Ordinal);

        await DeliverAsync();
        var alerts = _smtp.Messages.Where(m => To(m, Moderator) && Mentions(m, id)).ToList();
        Assert.Equal(before + 1, alerts.Count);
        Assert.Contains("SWITCHED", alerts[^1].TextBody, StringComparison.Ordinal);
        Assert.Contains("Edited by its author", alerts[^1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModerationLink_ForgedOrExpired_OffersNoButton()
    {
        var moderator = await ChooseAsync(Moderator, "EveryComment");
        var id = await PostCommentAsync(await ArticleAsync(), "reader@example.test", "A comment for the link test.");
        await DeliverAsync();
        var approve = Local(LinkIn(Assert.Single(_smtp.Messages), "Approve it"));

        var forged = approve.Replace("do=approve", "do=spam", StringComparison.Ordinal);
        var (_, forgedPage) = await Html.GetAsync(moderator, forged);
        Assert.NotNull(forgedPage.QuerySelector("[role='alert']"));
        Assert.Null(forgedPage.QuerySelector($"form[action^='/admin/comments/{id}/']"));
        Assert.Contains("another action", forgedPage.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);

        var tampered = approve[..^10] + (approve[^10] == 'A' ? "B" : "A") + approve[^9..];
        var (_, tamperedPage) = await Html.GetAsync(moderator, tampered);
        Assert.Contains("not valid", tamperedPage.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromHours(73));
        var (_, expiredPage) = await Html.GetAsync(await _site.SignedInAsync(Moderator), approve);
        Assert.Null(expiredPage.QuerySelector($"form[action^='/admin/comments/{id}/']"));
        Assert.Contains("expired", expiredPage.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
    }
}
