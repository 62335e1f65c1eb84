namespace NewsPortal.BrowserTests.Features.Notifications;

/// <summary>The reply-notice checkbox, the privacy page and a moderator's e-mail choice, as people use them.</summary>
public sealed class MailJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task Reader_TicksNotifyMeByItsLabel_AndTheCommentIsSubscribed()
    {
        await using var reader = await StoryReader.OpenAsync(site, "/category/world", ".listing");

        Assert.False(await reader.Page.IsCheckedAsync("#NotifyReplies"));
        await reader.FillCommentAsync("Browser test: tell me when someone answers.", "Notified Reader", "notify@browser.test");
        await reader.Page.ClickAsync("label[for=NotifyReplies]");
        await Assertions.Expect(reader.Page.Locator("#NotifyReplies")).ToBeCheckedAsync();
        await reader.SendCommentAsync();

        var subscribed = await site.WithDbAsync(db => db.ReplySubscriptions.AnyAsync(
            s => s.Email == "notify@browser.test" && s.Comment.BodyHtml.Contains("tell me when someone answers")));
        Assert.True(subscribed);
    }

    [Fact]
    public async Task Reader_FollowsThePrivacyLinkFromTheForm_AndAsksForErasure()
    {
        await using var reader = await StoryReader.OpenAsync(site, "/category/world", ".listing", width: 390);
        var page = reader.Page;
        await page.NavigatesToAsync(() => page.ClickAsync("#comments form a[href='/privacy']"), url => url.EndsWith("/privacy", StringComparison.Ordinal));
        Assert.Contains("IP address and browser", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.FillAsync("#Email", "someone@browser.test");
        await page.CheckAsync("input[name=Request][value=erase]");
        await page.ClickAsync("form[action='/privacy'] button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("If we hold anything for that address", new() { UseInnerText = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.OutputFolder, "privacy-390.png"), FullPage = true });
    }

    [Fact]
    public async Task Moderator_ChoosesADailyDigest_AndTheChoiceIsKept()
    {
        await using var context = await site.NewContextAsync();
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.ModeratorEmail);
        await page.GotoAsync("/admin");
        await page.ClickAsync("nav.admin-nav a[href='/admin/notifications']");
        await page.WaitForSelectorAsync("h1");
        Assert.True(await page.IsCheckedAsync("input[name=HeldComments][value=Nothing]"));

        await page.ClickAsync("text=A daily digest");
        await page.ClickAsync("form[action='/admin/notifications'] button[type=submit]");
        await page.WaitForSelectorAsync(".notice-success");
        await Assertions.Expect(page.Locator("input[name=HeldComments][value=DailyDigest]")).ToBeCheckedAsync();

        var choice = await site.WithDbAsync(db => db.StaffMailPreferences
            .Where(p => db.Users.Any(u => u.Id == p.StaffUserId && u.Email == SiteFixture.ModeratorEmail))
            .Select(p => p.HeldComments).SingleAsync());
        Assert.Equal(HeldCommentMail.DailyDigest, choice);
    }
}
