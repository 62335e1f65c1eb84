namespace NewsPortal.IntegrationTests.Features.Privacy;

/// <summary>The privacy notice and the request form: the same answer for any address, one mail per address, a limit per hour.</summary>
public sealed class PrivacyFormTests : PrivacyTestBase
{
    [Fact]
    public async Task PrivacyPage_SaysWhatIsStoredAndForHowLong_AndTheCommentFormLinksToIt()
    {
        var (_, page) = await Html.GetAsync(_site.CreateClient(), "/privacy");
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var stored in new[] { "your name", "your e-mail address", "IP address and browser", "90 days" })
        {
            Assert.Contains(stored, text, StringComparison.Ordinal);
        }

        var slug = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var (_, article) = await Html.GetAsync(_site.CreateClient(), $"/news/{slug}");
        Assert.NotNull(Html.CommentForm(article).QuerySelector("a[href='/privacy']"));
    }

    [Fact]
    public async Task UnknownAddress_GetsTheSameAnswer_AndNoMail()
    {
        var client = _site.CreateClient();
        var (_, page) = await Html.GetAsync(client, "/privacy");
        var sent = await Html.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!,
            new Dictionary<string, string> { ["Email"] = "nobody@example.test", ["Request"] = "erase" });
        Assert.Contains("If we hold anything for that address", (await Html.ParseAsync(sent)).QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        await DeliverAsync();
        Assert.Empty(_smtp.Messages);

        // The same work as for a known address: a request row, keyed by a hash of the address, never the address.
        var key = Assert.Single(await _site.WithDbAsync(db => db.PrivacyRequests.AsNoTracking().ToListAsync()));
        Assert.Matches("^[0-9a-f]{64}$", key.AddressKey);
        Assert.Null(key.LastMailAt);
    }

    /// <summary>
    /// Two requests for one address, lined up so both have read its request row before either writes: first when the
    /// address was never asked for (both insert the row), then past the cool-down (both update it).
    /// </summary>
    [Fact]
    public async Task PrivacyForm_TwoPostsAtOnceForOneAddress_MailItOnce_WhetherOrNotItWasAskedBefore()
    {
        await PublishedCommentAsync(Canary, CanaryText);
        async Task BothAtOnceAsync(int round)
        {
            var forms = await Task.WhenAll(Enumerable.Range(1, 2).Select(async i =>
            {
                var client = _site.Reader($"203.0.113.{(round * 10) + i}");
                var (_, page) = await Html.GetAsync(client, "/privacy");
                return (client, form: page.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!);
            }));
            _barrier.Arm("FROM \"PrivacyRequests\"", 2);
            var answers = await Task.WhenAll(forms.Select(f =>
                Html.SubmitAsync(f.client, f.form, new Dictionary<string, string> { ["Email"] = Canary, ["Request"] = "erase" })));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            await DeliverAsync();
        }

        int Mailed() => _smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == Canary) && (m.Subject ?? string.Empty).StartsWith("Your ", StringComparison.Ordinal));

        await BothAtOnceAsync(1);
        Assert.Equal(1, Mailed());
        _time.Advance(TimeSpan.FromMinutes(16));
        await BothAtOnceAsync(2);
        Assert.Equal(2, Mailed());
    }

    [Fact]
    public async Task PrivacyForm_TenPostsForOneAddress_MailItOnce_AndPastTheHourlyLimitTheClientGetsA429Page()
    {
        await PublishedCommentAsync(Canary, CanaryText);
        var client = _site.CreateClient();
        var (_, page) = await Html.GetAsync(client, "/privacy");
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!;
        for (var i = 0; i < 10; i++)
        {
            var sent = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Email"] = Canary, ["Request"] = i % 2 == 0 ? "export" : "erase" });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Contains("If we hold anything for that address", (await Html.ParseAsync(sent)).QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        }

        await DeliverAsync();
        Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == Canary) && (m.Subject ?? string.Empty).StartsWith("Your ", StringComparison.Ordinal));

        var limited = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Email"] = Canary, ["Request"] = "export" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        var explained = await Html.ParseAsync(limited);
        Assert.Contains("Too many requests", explained.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // Past the cool-down the address can have a link again (asked from another client).
        _time.Advance(TimeSpan.FromMinutes(16));
        var other = _site.Reader("203.0.113.61");
        var (_, again) = await Html.GetAsync(other, "/privacy");
        Assert.Equal(HttpStatusCode.OK, (await Html.SubmitAsync(other, again.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!,
            new Dictionary<string, string> { ["Email"] = Canary, ["Request"] = "export" })).StatusCode);
        await DeliverAsync();
        Assert.Equal(2, _smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == Canary) && (m.Subject ?? string.Empty).StartsWith("Your ", StringComparison.Ordinal)));
    }
}
