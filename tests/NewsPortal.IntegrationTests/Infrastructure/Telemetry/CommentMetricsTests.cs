namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>The comment and moderation meters: posts by outcome, decisions, the queue's gauges, reports.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class CommentMetricsTests(MetricsSite site) : MetricsTestBase(site)
{
    /// <summary>A reader posts <paramref name="body"/> on a new article: <paramref name="series"/> moves by one.</summary>
    private async Task AssertPostMovesAsync(string body, string series)
    {
        var slug = (await _site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var before = await _site.ValueAsync(series);

        await PostCommentAsync(slug, "Ada", "ada@example.com", body);

        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public Task CommentPost_HeldByPreModeration_MovesPostedHeld() =>
        AssertPostMovesAsync("A thoughtful remark.", "newsportal_comments_posted_total{outcome=\"held\",rule=\"pre_moderation\"}");

    [Fact]
    public Task CommentPost_WithAnEmptyBody_MovesPostedRefusedInvalid() =>
        AssertPostMovesAsync("   ", "newsportal_comments_posted_total{outcome=\"refused\",rule=\"invalid\"}");

    [Fact]
    public async Task Decision_ApprovingAHeldComment_MovesDecidedPendingToApproved()
    {
        const string series = "newsportal_comments_decided_total{from=\"pending\",to=\"approved\"}";
        var id = await _site.Factory.WithDbAsync(async db =>
        {
            var article = await new ArticleBuilder().SaveAsync(db);
            var comment = await StoredComments.AddAsync(
                db, article.Id, "Held", "held@example.com", "<p>Held.</p>", CommentStatus.Pending, DateTime.UtcNow.AddMinutes(-5));
            return comment.Id;
        });
        var before = await _site.ValueAsync(series);
        const string waits = "newsportal_moderation_decision_seconds_count{to=\"approved\"}";
        var waitsBefore = await _site.ValueAsync(waits);

        // The moderator's decision as the admin controller makes it (the staff cookie is Secure, so no plain-http browser).
        await using (var scope = _site.Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ModerationService>()
                .ApplyAsync(id, ModerationAction.Approve, seenVersion: null, "moderator@test.example", Cancel);
            Assert.Equal(ModerationOutcome.Changed, result.Outcome);
        }

        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
        Assert.Equal(waitsBefore + 1, await _site.MovedAsync(waits, waitsBefore));
    }

    [Fact]
    public async Task QueueGauges_WithAHeldCommentTwoHoursOld_CountTheQueueAndItsOldestWait()
    {
        await _site.Factory.WithDbAsync(async db =>
        {
            var article = await new ArticleBuilder().SaveAsync(db);
            await StoredComments.AddAsync(db, article.Id, "Waiting", "waiting@example.com", "<p>Waiting.</p>", CommentStatus.Pending, DateTime.UtcNow.AddHours(-2));
        });
        var pending = await _site.Factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending));

        var scrape = await _site.ScrapeAsync();

        Assert.Equal(pending, MetricsSite.ValueIn(scrape, "newsportal_moderation_queue"));
        var oldest = MetricsSite.ValueIn(scrape, "newsportal_moderation_oldest_pending_seconds");
        Assert.True(oldest >= 7200, $"The oldest held comment waited 2 hours; the gauge says {oldest} s.");
    }

    [Fact]
    public async Task Report_FromAReader_MovesReportsReceived()
    {
        const string series = "newsportal_reports_received_total";
        var (slug, commentId) = await _site.Factory.PublishedCommentAsync();
        var before = await _site.ValueAsync(series);
        using var reader = _site.Reader();

        var response = await Reports.ReportAsync(reader, slug, commentId, "Spam");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public async Task ReportDecision_DismissingTwoReports_MovesReportsDecidedByTwo()
    {
        const string series = "newsportal_reports_decided_total{decision=\"dismissed\"}";
        var (slug, commentId) = await _site.Factory.PublishedCommentAsync();
        using (var first = _site.Reader())
        using (var second = _site.Reader())
        {
            // Two readers: one reader's second report of a comment is not stored.
            first.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "203.0.113.21");
            second.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "203.0.113.22");
            Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(first, slug, commentId, "Spam")).StatusCode);
            Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(second, slug, commentId, "Abuse")).StatusCode);
        }

        var version = await _site.Factory.WithDbAsync(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.Version).SingleAsync());
        var before = await _site.ValueAsync(series);

        await using (var scope = _site.Factory.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ReportModerationService>()
                .DecideAsync(commentId, ReportDecision.Dismissed, new ReportDecisionForm { Version = version }, "moderator@test.example", Cancel);
            Assert.Equal(DecisionOutcome.Decided, outcome);
        }

        Assert.Equal(before + 2, await _site.MovedAsync(series, before + 1));
    }
}
