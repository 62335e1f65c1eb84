namespace NewsPortal.IntegrationTests.Features.Privacy;

/// <summary>What is kept and for how long: the retention job on a fake clock, reports' addresses, and logs that never carry personal data.</summary>
public sealed class PrivacyRetentionTests : PrivacyTestBase
{
    [Fact]
    public async Task RetentionJob_ClearsClientDataOlderThanTheSetting_AndPurgesOldOutboxRows()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var articleId = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Id;
        var (old, recent) = await _site.WithDbAsync(async db =>
        {
            Comment Make(int days) => new()
            {
                ArticleId = articleId,
                AuthorName = "R",
                AuthorEmail = "r@example.test",
                BodyHtml = $"<p>{days}</p>",
                Status = CommentStatus.Approved,
                CreatedAt = now.AddDays(-days),
                IpAddress = "203.0.113.9",
                UserAgent = "Agent/1",
            };
            var o = Make(91);
            var r = Make(89);
            db.Comments.AddRange(o, r);
            var outbox = _site.Services.GetRequiredService<Outbox>();
            var sent = outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "a@example.test", null, "old sent", new MailBody().Paragraph("x")));
            sent.Status = OutboxStatus.Sent;
            sent.CreatedAt = now.AddDays(-31);
            var waiting = outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "a@example.test", null, "old pending", new MailBody().Paragraph("x")));
            waiting.CreatedAt = now.AddDays(-31);
            var fresh = outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "a@example.test", null, "fresh sent", new MailBody().Paragraph("x")));
            fresh.Status = OutboxStatus.Sent;
            await db.SaveChangesAsync();
            return (o.Id, r.Id);
        });

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(TestContext.Current.CancellationToken);
        }

        var rows = await _site.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Id == old || c.Id == recent).ToDictionaryAsync(c => c.Id));
        Assert.Null(rows[old].IpAddress);
        Assert.Null(rows[old].UserAgent);
        Assert.Equal("203.0.113.9", rows[recent].IpAddress);
        Assert.Equal("Agent/1", rows[recent].UserAgent);
        // The moderation queue's index holds the IP address too, and loses it with the comment.
        async Task<string> IndexedIp(int id) => await _site.WithDbAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT Ip AS Value FROM CommentAuthorSearch WHERE rowid = {0}", id).SingleAsync());
        Assert.Equal(string.Empty, await IndexedIp(old));
        Assert.Equal("203.0.113.9", await IndexedIp(recent));
        Assert.Equal(["fresh sent", "old pending"], await _site.WithDbAsync(db => db.OutboxMessages.OrderBy(m => m.Subject).Select(m => m.Subject).ToListAsync()));

        // Two days on, the other comment is past the limit too.
        _time.Advance(TimeSpan.FromDays(2));
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(TestContext.Current.CancellationToken);
        }

        Assert.Null(await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == recent).Select(c => c.IpAddress).SingleAsync()));
    }

    [Fact]
    public async Task Reports_DecidedLongerAgoThanTheSetting_LoseTheReportersAddressAndIpHash_AndErasureRemovesTheAddress()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var articleId = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Id;
        var (oldDecided, oldOpen, recentDecided, erasedOnly) = await _site.WithDbAsync(async db =>
        {
            var comment = await StoredComments.AddAsync(
                db, articleId, "C", "c@example.test", "<p>c</p>", CommentStatus.Approved, now.AddDays(-200));
            CommentReport Report(string email, int createdDaysAgo, int? decidedDaysAgo) => new()
            {
                CommentId = comment.Id,
                Reason = ReportReason.Spam,
                ReporterEmail = email,
                ReaderKey = Guid.NewGuid().ToString("N"),
                IpKey = "ip-hash",
                CreatedAt = now.AddDays(-createdDaysAgo),
                Decision = decidedDaysAgo is null ? null : ReportDecision.Dismissed,
                DecidedAt = decidedDaysAgo is { } d ? now.AddDays(-d) : null,
            };
            var a = Report("old@example.test", 120, 91);
            var b = Report("open@example.test", 120, null);
            var c = Report("recent@example.test", 120, 10);
            var e = Report("erase-me@example.test", 5, null);
            db.CommentReports.AddRange(a, b, c, e);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id, e.Id);
        });

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var export = await scope.ServiceProvider.GetRequiredService<PrivacyService>().ExportAsync("open@example.test", TestContext.Current.CancellationToken);
            Assert.Equal("Spam", Assert.Single(export.ReportsFiled).Reason);
        }

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<CommenterErasure>().EraseAsync("erase-me@example.test", "test", TestContext.Current.CancellationToken);
        }

        var rows = await _site.WithDbAsync(db => db.CommentReports.AsNoTracking().ToDictionaryAsync(r => r.Id));
        Assert.Null(rows[oldDecided].ReporterEmail);
        Assert.Null(rows[oldDecided].IpKey);
        Assert.Equal("open@example.test", rows[oldOpen].ReporterEmail);
        Assert.Equal("ip-hash", rows[oldOpen].IpKey);
        Assert.Equal("recent@example.test", rows[recentDecided].ReporterEmail);
        Assert.Null(rows[erasedOnly].ReporterEmail);
        Assert.Equal(ReportReason.Spam, rows[erasedOnly].Reason);
    }

    [Fact]
    public async Task Logs_NeverHoldAnAddressACommentsTextOrAToken()
    {
        var (slug, id) = await PublishedCommentAsync(Canary, CanaryText, notify: true);
        await DeliverAsync(); // the confirmation mail
        var confirm = LinkIn(_smtp.Messages.Single(m => m.To.Mailboxes.Any(a => a.Address == Canary)), "Yes, send me reply notices");
        var browser = _site.CreateClient();
        var (_, page) = await Html.GetAsync(browser, confirm);
        await Html.SubmitAsync(browser, page.QuerySelector<IHtmlFormElement>("main form")!);
        var export = LinkIn(await RequestAsync(Canary, "export"), "Get my data");
        var (_, download) = await Html.GetAsync(browser, export);
        Assert.Equal(HttpStatusCode.OK, (await Html.SubmitAsync(browser, download.QuerySelector<IHtmlFormElement>("main form")!)).StatusCode);
        await Html.GetAsync(browser, $"/news/{slug}");

        // A mail server that refuses the canary address: its answer is logged, the address is not.
        await _site.WithDbAsync(async db =>
        {
            _site.Services.GetRequiredService<Outbox>().Add(db, new OutboxMail(MailKinds.ReplyNotice, "broken " + Canary, null, "x", new MailBody().Paragraph(CanaryText)));
            await db.SaveChangesAsync();
        });
        await DeliverAsync();
        await _log.RequestLoggedAsync("/privacy/export", TimeSpan.FromSeconds(5));

        var tokens = new[] { confirm, export }.Select(l => l[(l.IndexOf("t=", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.True(_log.Events.Count > 5, "The log captured too little to prove anything.");
        Assert.Contains(_log.Events, e => e.Properties.ContainsKey("RequestPath"));
        foreach (var e in _log.Events)
        {
            var rendered = e.RenderMessage(CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Values.Select(v => v.ToString())) + " " + e.Exception;
            Assert.DoesNotContain("canary.7f3a", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("7f3a that must not leak", rendered, StringComparison.Ordinal);
            foreach (var token in tokens)
            {
                Assert.DoesNotContain(token[..20], rendered, StringComparison.Ordinal);
            }
        }

        _ = id;
    }
}
