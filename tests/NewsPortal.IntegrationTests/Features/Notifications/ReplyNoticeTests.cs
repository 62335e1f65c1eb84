namespace NewsPortal.IntegrationTests.Features.Notifications;

/// <summary>Commenters' reply notices: double opt-in, a notice per reply or a digest, one-click unsubscribe, each mailed once.</summary>
public sealed class ReplyNoticeTests : NotificationTestBase
{
    /// <summary>The reader's comment, asking for reply notices, approved and its confirmation request mailed: its id.</summary>
    private async Task<int> ApprovedAskingForNoticesAsync(string slug, string reader, string body)
    {
        var mine = await PostCommentAsync(slug, reader, body, notify: true);
        await ApproveAsync(mine);
        await DeliverAsync();
        return mine;
    }

    [Fact]
    public async Task ReplyHeldByReportsWhileItsNoticeWaits_GetsItsNoticeOnceWhenTheReportsAreDismissed()
    {
        var slug = await ArticleAsync();
        const string reader = "asker@example.test";
        var mine = await ApprovedAskingForNoticesAsync(slug, reader, "Tell me about replies, please.");
        var confirm = Assert.Single(_smtp.Messages, m => To(m, reader));
        var browser = _site.CreateClient();
        var (_, confirmPage) = await Html.GetAsync(browser, Local(LinkIn(confirm, "Yes, send me reply notices")));
        await Html.SubmitAsync(browser, confirmPage.QuerySelector<IHtmlFormElement>("main form")!);

        var reply = await PostCommentAsync(slug, "replier@example.test", "A reply readers report at once.", parentId: mine);
        await ApproveAsync(reply);
        await HoldByReportsAsync(slug, reply); // within ReplyGrouping: its notice has not gone yet
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        Assert.DoesNotContain(_smtp.Messages, m => To(m, reader) && (m.Subject ?? string.Empty).Contains("replied", StringComparison.Ordinal));

        var version = await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == reply).Select(c => c.Version).SingleAsync());
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            Assert.Equal(DecisionOutcome.Decided, await scope.ServiceProvider.GetRequiredService<ReportModerationService>()
                .DecideAsync(reply, ReportDecision.Dismissed, new ReportDecisionForm { Version = version }, StaffSessions.AdminEmail, TestContext.Current.CancellationToken));
        }

        Assert.Equal(CommentStatus.Approved, await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == reply).Select(c => c.Status).SingleAsync()));
        await DeliverAsync();
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();

        var notice = Assert.Single(_smtp.Messages, m => To(m, reader) && (m.Subject ?? string.Empty).StartsWith("replier replied", StringComparison.Ordinal));
        Assert.Contains("A reply readers report at once.", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationAskedAgain_ByTwoInstancesAtOnce_IsMailedOnce()
    {
        const string reader = "twice@example.test";
        var slug = await ArticleAsync();
        await PostCommentAsync(slug, reader, "First wish for notices.", notify: true);
        await DeliverAsync();
        _time.Advance(TimeSpan.FromHours(25));
        await PostCommentAsync(slug, reader, "Second wish for notices, a day later.", notify: true);

        // Both instances read the address as due before either writes: the race two dispatchers can run.
        _barrier.Arm("\"ConfirmedAt\" IS NULL", 2);
        await _site.DeliverAsync(dispatchers: 2);

        Assert.Equal(2, _smtp.Messages.Count(m => To(m, reader) && m.Subject == "Please confirm: e-mail me when someone replies"));
    }

    [Fact]
    public async Task ReplyNotices_DoubleOptIn_NoticePerReply_DigestForSeveral_OneClickUnsubscribe()
    {
        var slug = await ArticleAsync();
        const string reader = "asker@example.test";
        var mine = await ApprovedAskingForNoticesAsync(slug, reader, "Tell me when someone answers.");

        // Double opt-in: the first message asks to confirm; until then no notice.
        var confirm = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == reader));
        Assert.Null(confirm.Headers["List-Unsubscribe"]);
        var early = await PostCommentAsync(slug, "early@example.test", "A reply before confirming.", parentId: mine);
        await ApproveAsync(early);
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == reader));

        var browser = _site.CreateClient();
        var confirmLink = Local(LinkIn(confirm, "Yes, send me reply notices"));
        var (_, confirmPage) = await Html.GetAsync(browser, confirmLink);
        Assert.Null(await _site.WithDbAsync(db => db.SubscriberAddresses.Where(a => a.Email == reader).Select(a => a.ConfirmedAt).SingleAsync()));
        await Html.SubmitAsync(browser, confirmPage.QuerySelector<IHtmlFormElement>("main form")!);
        Assert.NotNull(await _site.WithDbAsync(db => db.SubscriberAddresses.Where(a => a.Email == reader).Select(a => a.ConfirmedAt).SingleAsync()));

        // One reply: one notice, with a link to it.
        var reply = await PostCommentAsync(slug, "answerer@example.test", "Here is an answer.", parentId: mine);
        await ApproveAsync(reply);
        await DeliverAsync();
        Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == reader)); // still grouping
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        var notice = Assert.Single(_smtp.Messages, m => (m.Subject ?? string.Empty).StartsWith("answerer replied", StringComparison.Ordinal));
        Assert.Equal($"https://news.example.test/news/{slug}#comment-{reply}", LinkIn(notice, "Read the reply"));
        Assert.DoesNotContain("A reply before confirming.", notice.TextBody, StringComparison.Ordinal);

        // Two replies within minutes: one digest.
        foreach (var text in new[] { "Second answer.", "Third answer." })
        {
            await ApproveAsync(await PostCommentAsync(slug, "more@example.test", text, parentId: mine));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        _time.Advance(TimeSpan.FromMinutes(3));
        await DeliverAsync();
        var digest = Assert.Single(_smtp.Messages, m => m.Subject == "2 new replies to your comments");
        Assert.Contains("Second answer.", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Third answer.", digest.TextBody, StringComparison.Ordinal);

        // A mail client's one-click unsubscribe (RFC 8058): a POST with no cookie and no antiforgery token.
        var unsubscribe = digest.Headers["List-Unsubscribe"]!.Trim('<', '>');
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await _site.CreateClient().PostAsync(new Uri(Local(unsubscribe), UriKind.Relative), oneClick, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _site.WithDbAsync(db => db.ReplySubscriptions.CountAsync(s => s.Email == reader)));

        var count = _smtp.Messages.Count;
        await ApproveAsync(await PostCommentAsync(slug, "late@example.test", "Nobody is told of this one.", parentId: mine));
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        Assert.Equal(count, _smtp.Messages.Count);
    }

    [Fact]
    public async Task UnsubscribeLink_Get_OnlyAsks_ThreadLinkStopsOneConversation()
    {
        var slug = await ArticleAsync();
        const string reader = "thread@example.test";
        var first = await PostCommentAsync(slug, reader, "First conversation.", notify: true);
        var second = await PostCommentAsync(slug, reader, "Second conversation.", notify: true);
        await ApproveAsync(first);
        await ApproveAsync(second);
        await _site.WithDbAsync(async db =>
        {
            (await db.SubscriberAddresses.SingleOrDefaultAsync(a => a.Email == reader) ?? db.SubscriberAddresses.Add(new SubscriberAddress { Email = reader }).Entity).ConfirmedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

        await ApproveAsync(await PostCommentAsync(slug, "x@example.test", "Reply in the first.", parentId: first));
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        var notice = Assert.Single(_smtp.Messages, m => (m.Subject ?? string.Empty).StartsWith("x replied", StringComparison.Ordinal));
        var stopThread = Local(LinkIn(notice, "Stop notices for this conversation"));

        var browser = _site.CreateClient();
        var (_, page) = await Html.GetAsync(browser, stopThread);
        Assert.Equal(2, await _site.WithDbAsync(db => db.ReplySubscriptions.CountAsync(s => s.Email == reader)));
        await Html.SubmitAsync(browser, page.QuerySelector<IHtmlFormElement>("main form")!);
        var left = await _site.WithDbAsync(db => db.ReplySubscriptions.Where(s => s.Email == reader).Select(s => s.CommentId).ToListAsync());
        Assert.Equal([second], left);

        var (forged, _) = await Html.GetAsync(browser, stopThread[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task NotifyReplies_WithAValueNoCheckboxSends_ShowsTheFormAgainWithAMessage_AndStoresNothing()
    {
        var slug = await ArticleAsync();
        var client = _site.CreateNoRedirectClient();
        var response = await ReaderComments.PostAsync(client, slug, "Odd", "odd@example.test", "Posted with a strange checkbox value.", new Dictionary<string, string> { ["NotifyReplies"] = "maybe" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await Html.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(again.QuerySelector("#NotifyReplies-error")!.TextContent));
        Assert.Equal("Posted with a strange checkbox value.", again.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value);
        Assert.False(await _site.WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorEmail == "odd@example.test")));
    }
}
