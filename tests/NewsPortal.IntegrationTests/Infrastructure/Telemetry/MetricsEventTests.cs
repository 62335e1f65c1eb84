namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// The meters whose events happen in work a second site in this process does (an image library, an import, a clock
/// moved on, a moderator's session): the site's instruments are process-wide, so the metrics site's scrape shows them.
/// In the metrics collection, which runs alone, so the deltas are exact; the second sites live until it ends
/// (<see cref="MetricsSite.Other"/>).
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class MetricsEventTests(MetricsSite site)
{
    private readonly MetricsSite _site = site;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MediaUpload_AnImageTheLibraryProcesses_MovesMediaProcessingReadyAndItsTime()
    {
        const string count = "newsportal_media_processing_seconds_count{outcome=\"ready\"}";
        const string sum = "newsportal_media_processing_seconds_sum{outcome=\"ready\"}";
        var before = await _site.ValueAsync(count);
        var sumBefore = await _site.ValueAsync(sum);
        var root = MediaSite.NewRoot();
        var library = _site.Other(MediaSite.Create(root), () => MediaSite.DeleteRoot(root));
        using var admin = await library.SignedInAsync(StaffSessions.AdminEmail);

        using var response = await MediaSite.UploadAsync(admin, ("harbour.jpg", "image/jpeg", MediaTestImages.Jpeg(900, 600)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        // The variants are made in the background; on a busy machine that takes a while.
        Assert.Equal(before + 1, await _site.MovedAsync(count, before, TimeSpan.FromSeconds(120)));
        var item = Assert.Single(await MediaSite.WaitUntilProcessedAsync(library, 1));
        Assert.Equal(MediaState.Ready, item.State);
        Assert.True(await _site.ValueAsync(sum) > sumBefore, "The histogram counted the image but recorded no time for it.");
    }

    [Fact]
    public async Task Decision_AModeratorApprovesFromTheQueue_MovesDecidedAndTheWaitForIt()
    {
        const string decided = "newsportal_comments_decided_total{from=\"pending\",to=\"approved\"}";
        const string waits = "newsportal_moderation_decision_seconds_count{to=\"approved\"}";
        var newsroom = _site.Other(new NewsPortalFactory().WithAdmin());
        var id = await newsroom.WithDbAsync(async db =>
        {
            var article = await new ArticleBuilder().SaveAsync(db);
            var comment = await StoredComments.AddAsync(
                db, article.Id, "Held", "held@example.com", "<p>Held for a decision.</p>", CommentStatus.Pending, DateTime.UtcNow.AddMinutes(-5));
            return comment.Id;
        });
        var scrape = await _site.ScrapeAsync();
        double decidedBefore = MetricsSite.ValueIn(scrape, decided), waitsBefore = MetricsSite.ValueIn(scrape, waits);
        using var moderator = await newsroom.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(moderator, "/admin/comments?status=pending");
        var approve = queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/approve']")
            ?? throw new InvalidOperationException($"The queue shows no approve button for comment {id}.");

        using var response = await Html.SubmitAsync(moderator, approve);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(decidedBefore + 1, await _site.MovedAsync(decided, decidedBefore));
        Assert.Equal(waitsBefore + 1, await _site.MovedAsync(waits, waitsBefore));
    }

    [Fact]
    public async Task WordPressImport_OfAPostWithSixComments_MovesImportItemsByKindAndOutcome()
    {
        const string articles = "newsportal_import_items_total{kind=\"article\",outcome=\"imported\"}";
        const string comments = "newsportal_import_items_total{kind=\"comment\",outcome=\"imported\"}";
        const string skipped = "newsportal_import_items_total{kind=\"comment\",outcome=\"skipped\"}";
        var scrape = await _site.ScrapeAsync();
        double articlesBefore = MetricsSite.ValueIn(scrape, articles), commentsBefore = MetricsSite.ValueIn(scrape, comments),
            skippedBefore = MetricsSite.ValueIn(scrape, skipped);
        var importing = _site.Other(new NewsPortalFactory());
        importing.Settings["Seed:SampleContent"] = "false";
        var export = Path.Combine(AppContext.BaseDirectory, "Features", "WordPressImport", "Fixtures", "replies-before-parents.xml");

        // The handler `import wordpress` runs, on a site's own services: one post, five comments, one pingback.
        var summary = await importing.Services.GetRequiredService<ImportWordPressExport>().RunAsync(new ImportRequest(export), null, Cancel);

        Assert.Equal(1, summary.Of("posts").Imported);
        Assert.Equal(5, summary.Of("comments").Imported);
        Assert.Equal(articlesBefore + 1, await _site.MovedAsync(articles, articlesBefore));
        Assert.Equal(commentsBefore + 5, await _site.MovedAsync(comments, commentsBefore + 4));
        Assert.Equal(skippedBefore + 1, await _site.MovedAsync(skipped, skippedBefore));
        var after = await _site.ScrapeAsync();
        Assert.DoesNotContain("Jane Doe", after, StringComparison.Ordinal);
        Assert.DoesNotContain("jdoe", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_ReadAgainAfterItsCacheEntriesAged_MovesCacheEvictionsExpired()
    {
        const string series = "newsportal_reader_cache_evictions_total{reason=\"expired\"}";
        var before = await _site.ValueAsync(series);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var site = _site.Other(new NewsPortalFactory { Time = clock });
        var slug = (await site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        using var reader = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);

        // Past the data entries' lifetime: the next read finds its entries aged out, and the store lets them go.
        clock.Advance(Web.Infrastructure.Caching.ReaderCache.DataLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);

        Assert.True(await _site.MovedAsync(series, before) > before);
    }

    [Fact]
    public async Task OutboxGauge_WithMailWaitingAnHour_ShowsTheOldestWait()
    {
        await _site.Factory.WithDbAsync(async db =>
        {
            // Not due for a day, so the sender leaves it waiting while the gauge is read.
            db.OutboxMessages.Add(OutboxRows.Message(OutboxStatus.Pending, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddDays(1)));
            await db.SaveChangesAsync();
        });

        var scrape = await _site.ScrapeAsync();

        var oldest = MetricsSite.ValueIn(scrape, "newsportal_outbox_oldest_pending_seconds");
        Assert.True(oldest >= 3600, $"Mail has waited an hour; the gauge says {oldest} s.");
        Assert.True(MetricsSite.ValueIn(scrape, "newsportal_outbox_messages{state=\"pending\"}") >= 1, "The backlog gauge does not count the waiting mail.");
    }
}
