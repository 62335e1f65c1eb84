namespace NewsPortal.TopologyTests.Features.AdminArticles;

public sealed class PublishingAcrossInstancesTests(Topology topology, ITestOutputHelper output)
{
    /// <summary>The site's default <c>Site:TimeZone</c>; the editor's "Publish at" is in it.</summary>
    private const string SiteTimeZone = "Europe/London";

    [Fact]
    public async Task Unpublish_OnInstanceB_DisappearsFromInstanceAsCachedPages()
    {
        await topology.ReadyAsync();
        var commentArticle = await topology.CommentArticleAsync();
        using var readerOnA = Topology.Direct(topology.A);

        // Pick a story that A shows on its front page, its section page and its feed; reading them caches them on A.
        var front = await readerOnA.PageAsync("/");
        var feed = await readerOnA.GetAsync("/feed.xml");
        Assert.Equal(HttpStatusCode.OK, feed.Status);
        (string Slug, string Section)? story = null;
        foreach (var card in front.QuerySelectorAll("article.card"))
        {
            var slug = PathAfter(card.QuerySelector(".card-title a"), "/news/");
            var section = PathAfter(card.QuerySelector("a.kicker"), "/category/");
            if (slug is null || section is null || slug == commentArticle || !LinksTo(feed.Text, slug))
            {
                continue;
            }

            var sectionPage = await readerOnA.PageAsync($"/category/{section}");
            if (Html.ArticleSlugs(sectionPage).Contains(slug))
            {
                story = (slug, section);
                break;
            }
        }

        Assert.True(story is not null, "No story is on A's front page, its section's first page and the feed at once.");
        var (storySlug, storySection) = story.Value;
        output.WriteLine($"Unpublishing /news/{storySlug} (section {storySection}) on {topology.B}");

        var editor = await topology.AdminOnAsync(topology.B);
        var list = await editor.PageAsync($"/admin/articles?q={storySlug}");
        var editPath = list.QuerySelectorAll("a[href^='/admin/articles/'][href$='/edit']").Select(a => a.GetAttribute("href")!).FirstOrDefault();
        Assert.True(editPath is not null, $"The newsroom list on B does not find {storySlug}.");
        var editPage = await editor.PageAsync(editPath);
        var form = editPage.QuerySelector<IHtmlFormElement>("form.article-editor");
        Assert.True(form is not null, "The edit page has no editor form.");
        Assert.NotNull(form.QuerySelector("button[name='intent'][value='unpublish']"));
        var saved = await editor.SubmitAsync(form, new Dictionary<string, string> { ["intent"] = "unpublish" });
        Assert.True(saved.Status == HttpStatusCode.SeeOther, $"Unpublishing on B answered {saved}: {Html.Excerpt(saved.Text)}");

        // A's next requests, no waiting.
        foreach (var path in new[] { "/", $"/category/{storySection}", "/feed.xml" })
        {
            var answer = await readerOnA.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.False(LinksTo(answer.Text, storySlug), $"Unpublished on {topology.B}, but {topology.A} still links to /news/{storySlug} on {path}.");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await readerOnA.GetAsync($"/news/{storySlug}")).Status);
    }

    [Fact]
    public async Task Schedule_OnInstanceA_AppearsOnBothInstancesWhenDueAndIsStoredOnce()
    {
        await topology.ReadyAsync();
        using var readerOnA = Topology.Direct(topology.A);
        using var readerOnB = Topology.Direct(topology.B);
        var readers = new[] { (Instance: topology.A, Browser: readerOnA), (Instance: topology.B, Browser: readerOnB) };

        // Both front pages are cached before the story exists.
        foreach (var (_, browser) in readers)
        {
            await browser.PageAsync("/");
        }

        var headline = $"Harbour lights switched on {Journeys.Marker("scheduled")}";
        var editor = await topology.AdminOnAsync(topology.A);
        var page = await editor.PageAsync("/admin/articles/new");
        var form = page.QuerySelector<IHtmlFormElement>("form.article-editor");
        Assert.True(form is not null, "The new-article page has no editor form.");

        // Whole seconds: the form's datetime-local field takes seconds; the site reads them in its own time zone.
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(5);
        var local = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(SiteTimeZone)).DateTime;
        var scheduled = await editor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Headline"] = headline,
            ["Standfirst"] = "The new lights go on by themselves at the scheduled time.",
            ["BodyHtml"] = "<p>A scheduled story, published by the clock on every instance.</p>",
            ["CategoryId"] = FirstChoice(form, "CategoryId"),
            ["AuthorId"] = FirstChoice(form, "AuthorId"),
            ["PublishAt"] = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["intent"] = "schedule",
        });
        Assert.True(scheduled.Status == HttpStatusCode.SeeOther, $"Scheduling on A answered {scheduled}: {Html.Excerpt(scheduled.Text)}");

        var checkedBefore = 0;
        foreach (var (instance, browser) in readers)
        {
            var answer = await browser.GetAsync("/");
            if (DateTimeOffset.UtcNow < due)
            {
                checkedBefore++;
                Assert.False(answer.Text.Contains(headline, StringComparison.Ordinal), $"{instance} shows the story before its time ({due:HH:mm:ss} UTC).");
            }
        }

        Assert.True(checkedBefore > 0, "Both front pages were read only after the story was due; the machine is too slow for this test's 5 s margin.");

        foreach (var (instance, browser) in readers)
        {
            var appeared = await Loopback.WaitUntilAsync(
                async () => (await browser.GetAsync("/")).Text.Contains(headline, StringComparison.Ordinal),
                due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10),
                TimeSpan.FromMilliseconds(250));
            output.WriteLine($"{instance}: {(appeared ? $"shows it {(DateTimeOffset.UtcNow - due).TotalSeconds:F1} s after it was due" : "never showed it")}");
            Assert.True(appeared, $"{instance} did not show the story within 10 s of its time ({due:HH:mm:ss} UTC).");
        }

        Assert.Equal(1, await topology.Database.ArticlesWithHeadlineAsync(headline));
    }

    private static string? PathAfter(IElement? link, string prefix) =>
        link?.GetAttribute("href") is { } href && href.StartsWith(prefix, StringComparison.Ordinal) ? href[prefix.Length..] : null;

    /// <summary>True when the HTML or XML links to the article (relative or absolute), not merely to a longer slug.</summary>
    private static bool LinksTo(string text, string slug) =>
        Regex.IsMatch(text, $"/news/{Regex.Escape(slug)}(?=[\"'<#?])");

    private static string FirstChoice(IHtmlFormElement form, string select) =>
        form.QuerySelectorAll<IHtmlOptionElement>($"select[name='{select}'] option").Select(o => o.Value).First(v => v is { Length: > 0 } and not "0");
}
