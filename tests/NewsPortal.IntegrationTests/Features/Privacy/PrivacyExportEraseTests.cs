namespace NewsPortal.IntegrationTests.Features.Privacy;

/// <summary>Export and erasure by a mailed signed link, and erasure by staff from the queue.</summary>
public sealed class PrivacyExportEraseTests : PrivacyTestBase
{
    [Fact]
    public async Task Export_BySignedLink_ShowsAButton_ThenPostsJsonOfEveryCommentWithItsEarlierTexts_ForgedAndExpiredRefused()
    {
        var (author, slug, id) = await PostAsync(Canary, "Canary first text 7f3a.", "Canary Person");
        await OwnEditAsync(author, slug, id, "Canary second text 7f3a.");
        await ApproveAsync(id);
        await StaffEditAsync(id, CanaryText);
        var link = LinkIn(await RequestAsync(Canary, "export"), "Get my data");

        // The link's GET (what a mail scanner fetches) shows a button, never the data.
        var browser = _site.CreateClient();
        var (shown, confirm) = await Html.GetAsync(browser, link);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("text/html", shown.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("7f3a.", confirm.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var response = await Html.SubmitAsync(browser, confirm.QuerySelector<IHtmlFormElement>("main form")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var comment = Assert.Single(json.RootElement.GetProperty("comments").EnumerateArray());
        Assert.Equal(id, comment.GetProperty("id").GetInt32());
        Assert.Equal($"/news/{slug}", comment.GetProperty("articleUrl").GetString());
        Assert.Equal("Approved", comment.GetProperty("status").GetString());
        Assert.Equal(CanaryText, comment.GetProperty("text").GetString());
        Assert.Equal(
            ["you: Canary first text 7f3a.", "a moderator: Canary second text 7f3a."],
            comment.GetProperty("earlierTexts").EnumerateArray().Select(e => $"{e.GetProperty("editedBy").GetString()}: {e.GetProperty("text").GetString()}"));
        Assert.Equal(id, Assert.Single(json.RootElement.GetProperty("replySubscriptions").EnumerateArray()).GetProperty("commentId").GetInt32());

        var forged = await _site.CreateClient().GetAsync(new Uri(link[..^10] + (link[^10] == 'A' ? "B" : "A") + link[^9..], UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var erasePurpose = link.Replace("/privacy/export", "/privacy/erase", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _site.CreateClient().GetAsync(new Uri(erasePurpose, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        _time.Advance(TimeSpan.FromHours(25));
        var expired = await Html.SubmitAsync(browser, confirm.QuerySelector<IHtmlFormElement>("main form")!);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>
    /// Every copy: the comment and its earlier texts (an own edit and a staff edit), notes and reports about it, the
    /// reports its author filed, mail to the author (sent, or being sent right now) and mail to others quoting them
    /// (a moderator's alert being sent, a reporter's outcome not yet sent), and the block list. Then every text in
    /// every table is read back: none holds the text, the address or the name. The ban survives as a keyed hash.
    /// </summary>
    [Fact]
    public async Task Erase_BySignedLink_AnonymisesEverywhere_AfterAConfirmingPost()
    {
        const string Marker = "qz~x";
        const string Erasee = "erasee.qz~x@example.test";
        const string Name = "Canary Qz~xperson";
        var adminId = await _site.WithDbAsync(db => db.Users.Where(u => u.Email == StaffSessions.AdminEmail).Select(u => u.Id).SingleAsync());
        await _site.WithDbAsync(async db =>
        {
            db.StaffMailPreferences.Add(new StaffMailPreference { StaffUserId = adminId, HeldComments = HeldCommentMail.EveryComment });
            await db.SaveChangesAsync();
        });
        var (author, slug, id) = await PostAsync(Erasee, "First text qz~x, as posted.", Name);
        await DeliverAsync(); // the moderator's alert quoting the name and the first text, and the confirmation to the author
        await OwnEditAsync(author, slug, id, "Second text qz~x, the author's edit.");
        await ApproveAsync(id);
        await StaffEditAsync(id, "Third text qz~x, the moderator's edit.");

        // Another reader reports it in words that quote the author; the author reports someone else's comment.
        await Reports.ReportAsync(_site.Reader("198.51.100.7"), slug, id, "abuse", "Canary Qz~xperson wrote qz~x again.", "other.reader@example.test");
        var (otherSlug, otherId) = await _site.PublishedCommentAsync("Someone else's comment.", "someone.else@example.test");
        await Reports.ReportAsync(_site.Reader("198.51.100.8"), otherSlug, otherId, "spam", "Spam, says the erasee.", Erasee);

        // A moderator bans the address from the queue, then hides the comment with a statement quoting it.
        var admin = await _site.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=reported");
        var banned = await Html.SubmitAsync(admin, queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/email/ban']")!);
        Assert.Equal(HttpStatusCode.SeeOther, banned.StatusCode);
        await Html.GetAsync(admin, banned.Headers.Location!.OriginalString); // as a browser does: the one-time notice naming the address is shown
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var version = await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
            Assert.Equal(DecisionOutcome.Decided, await scope.ServiceProvider.GetRequiredService<ReportModerationService>().DecideAsync(
                id, ReportDecision.Hidden, new ReportDecisionForm { Version = version, Ground = DecisionGrounds.All[1], Statement = "Canary Qz~xperson wrote “qz~x”." },
                StaffSessions.AdminEmail, TestContext.Current.CancellationToken));
        }

        var link = LinkIn(await RequestAsync(Erasee, "erase"), "Erase my data");

        // The sender is busy with two messages right now (one to the author, the alert to the moderator), and the
        // reporter's outcome, which quotes the comment, has not gone yet.
        var (toAuthor, alert, outcome) = await _site.WithDbAsync(async db =>
        {
            var inFlight = _time.GetUtcNow().UtcDateTime.AddMinutes(1);
            var rows = await db.OutboxMessages.ToListAsync();
            var a = rows.First(m => m.Kind == MailKinds.PrivacyRequest && m.ToAddress == Erasee);
            var b = rows.Single(m => m.Kind == MailKinds.ModeratorHeld);
            var c = rows.Single(m => m.Kind == MailKinds.ReportOutcome && m.ToAddress == "other.reader@example.test");
            foreach (var m in new[] { a, b })
            {
                m.Status = OutboxStatus.Pending;
                m.ClaimToken = Guid.NewGuid();
                m.ClaimedUntil = inFlight;
            }

            c.Status = OutboxStatus.Pending;
            c.SentAt = null;
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id);
        });
        Assert.NotEmpty(await StoredTextsContainingAsync(Marker));

        var browser = _site.CreateClient();
        var (_, confirm) = await Html.GetAsync(browser, link);
        Assert.Equal(1, await _site.WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorEmail == Erasee)));
        var done = await Html.SubmitAsync(browser, confirm.QuerySelector<IHtmlFormElement>("main form")!);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        Assert.Empty(await StoredTextsContainingAsync(Marker));
        var stored = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Deleted", stored.AuthorName);
        Assert.Equal(string.Empty, stored.AuthorEmail);
        Assert.Null(stored.IpAddress);
        Assert.Null(stored.UserAgent);
        var history = await _site.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id).OrderBy(h => h.Id).ToListAsync());
        Assert.All(history, h => Assert.Null(h.PreviousBodyHtml));
        Assert.Contains(history, h => h.Note == "Erased the commenter's personal data");
        Assert.Contains(history, h => h.Note == "Hidden after 1 report.");
        Assert.Equal(0, await _site.WithDbAsync(db => db.ReplySubscriptions.CountAsync()));
        Assert.Equal(0, await _site.WithDbAsync(db => db.SubscriberAddresses.CountAsync()));

        // Mail: what a sender holds is blanked and withdrawn; the rest is gone.
        var mail = await _site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Id));
        Assert.Equal(CommenterErasure.WithdrawnRecipient, mail[toAuthor].ToAddress);
        Assert.Null(mail[toAuthor].UnsubscribeUrl);
        Assert.Equal(StaffSessions.AdminEmail, mail[alert].ToAddress);
        foreach (var withdrawn in new[] { mail[toAuthor], mail[alert] })
        {
            Assert.Equal(OutboxStatus.Failed, withdrawn.Status);
            Assert.Equal(CommenterErasure.WithdrawnText, withdrawn.TextBody);
            Assert.Null(withdrawn.ClaimToken);
        }

        Assert.False(mail.ContainsKey(outcome));
        Assert.DoesNotContain(mail.Values, m => m.ToAddress == Erasee);

        // Reports: the one they filed keeps no address and no IP hash.
        var filed = await _site.WithDbAsync(db => db.CommentReports.AsNoTracking().SingleAsync(r => r.CommentId == otherId));
        Assert.Null(filed.ReporterEmail);
        Assert.Null(filed.IpKey);

        // The ban outlives the address: it is a keyed hash now, and it still applies.
        var settings = await _site.WithDbAsync(db => db.CommentSettings.AsNoTracking().SingleAsync());
        Assert.StartsWith(CommentRules.ErasedPrefix, Assert.Single(CommentRulesSource.Lines(settings.BlockedEmails)), StringComparison.Ordinal);
        var (_, article) = await Html.GetAsync(author, $"/news/{slug}");
        Assert.Equal(HttpStatusCode.SeeOther, (await Html.SubmitAsync(author, Html.CommentForm(article),
            new Dictionary<string, string> { ["Name"] = "Back Again", ["Email"] = Erasee, ["Body"] = "I am back." })).StatusCode);
        Assert.Equal(CommentStatus.Spam, await _site.WithDbAsync(db => db.Comments.Where(c => c.AuthorEmail == Erasee).Select(c => c.Status).SingleAsync()));

        // What readers see, and the moderation queue's search index.
        var (_, after) = await Html.GetAsync(_site.CreateClient(), $"/news/{slug}");
        Assert.DoesNotContain(Marker, after.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        var (_, show) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        Assert.DoesNotContain(Marker, show.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StaffErase_FromTheQueue_AnonymisesWithAHistoryEntry_AndExportIsJson()
    {
        var (_, id) = await PublishedCommentAsync("phoned@example.test", "Please erase me, I phoned.", name: "Phoning Person");
        var admin = await _site.SignedInAsync(StaffSessions.AdminEmail);

        var export = await admin.GetAsync(new Uri($"/admin/comments/{id}/export", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Please erase me, I phoned.", await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var (_, page) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        var erased = await Html.SubmitAsync(admin, page.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/erase']")!);
        Assert.Equal(HttpStatusCode.SeeOther, erased.StatusCode);
        var stored = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Deleted", stored.AuthorName);
        Assert.Equal(string.Empty, stored.AuthorEmail);
        var (_, show) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        Assert.Contains("Erased the commenter's personal data", show.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(StaffSessions.AdminEmail, show.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
    }
}
