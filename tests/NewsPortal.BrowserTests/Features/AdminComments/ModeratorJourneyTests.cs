namespace NewsPortal.BrowserTests.Features.AdminComments;

public sealed class ModeratorJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task Moderator_ApprovesWithTheKeyboardShortcut_AndTheReaderSeesTheComment()
    {
        await using var reader = await StoryReader.OpenAsync(site, "/category/science", ".listing");
        var articleUrl = reader.Page.Url;
        var text = $"Moderated in the browser {Guid.NewGuid():N}";
        await reader.FillCommentAsync(text, "Queue Reader", "queue@browser.test");
        await reader.SendCommentAsync();

        await using var moderatorContext = await site.NewContextAsync();
        var moderator = await SiteFixture.SignedInPageAsync(moderatorContext, SiteFixture.ModeratorEmail);
        await moderator.GotoAsync("/admin/comments?status=pending");
        var row = moderator.Locator(".queue-item", new PageLocatorOptions { HasText = text });
        var rowId = await row.GetAttributeAsync("id");
        Assert.NotNull(rowId);

        // j moves through the queue until the reader's comment is current; a approves it.
        for (var i = 0; i < 50 && await moderator.EvaluateAsync<string?>("document.activeElement.id") != rowId; i++)
        {
            await moderator.Keyboard.PressAsync("j");
        }

        Assert.Equal(rowId, await moderator.EvaluateAsync<string?>("document.activeElement.id"));
        await moderator.Keyboard.PressAsync("a");
        await moderator.WaitForSelectorAsync(".notice-success:has-text('Comment approved.')");

        await using var strangerContext = await site.NewContextAsync();
        var stranger = await strangerContext.NewPageAsync();
        await stranger.GotoAsync(articleUrl);
        Assert.Contains(text, await stranger.InnerTextAsync("#comments"), StringComparison.Ordinal);
    }
}
