namespace NewsPortal.BrowserTests.Features.Comments;

public sealed class ReaderJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task Reader_FromFrontPageToArticle_PostsACommentAndSeesItHeld()
    {
        await using var reader = await StoryReader.OpenAsync(site, "/", ".latest");
        var headline = await reader.Page.InnerTextAsync("h1");

        await reader.FillCommentAsync("Browser test: a thoughtful reader comment.", "Playwright Reader", "reader@browser.test");
        await reader.SendCommentAsync();
        Assert.Equal(headline, await reader.Page.InnerTextAsync("h1"));

        // The notice can be in the DOM before the rest of the page is parsed (the held comment comes after it): wait for the text.
        await Assertions.Expect(reader.Page.Locator("#comments .notice-success")).ToContainTextAsync("awaiting moderation", new() { UseInnerText = true });
        await Assertions.Expect(reader.Page.Locator("#comments li.comment-held")).ToContainTextAsync("Browser test: a thoughtful reader comment.", new() { UseInnerText = true });
    }

    [Fact]
    public async Task ClientValidation_ShowsTheSeedMessagesBeforeAnyRequest()
    {
        await using var reader = await StoryReader.OpenAsync(site, "/", ".latest", 1);
        var page = reader.Page;
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;

        await page.FillAsync("#Email", "not-an-email");
        await page.ClickAsync("#comments button[type=submit]");

        // The validator writes the messages field by field and moves focus once all are checked: wait for each.
        await Assertions.Expect(page.Locator("#Body-error")).ToHaveTextAsync("Please enter your comment!");
        await Assertions.Expect(page.Locator("#Name-error")).ToHaveTextAsync("Please enter your name here");
        await Assertions.Expect(page.Locator("#Email-error")).ToHaveTextAsync("You have entered an incorrect email address!");
        await Assertions.Expect(page.Locator("#Body")).ToBeFocusedAsync();
        Assert.Equal(0, posts);
    }

    [Fact]
    public async Task WithJavaScriptOff_TheServerValidatesAndAcceptsTheSamePost()
    {
        await using var reader = await StoryReader.OpenAsync(site, "/", ".latest", 2, javaScript: false);
        var page = reader.Page;

        await page.FillAsync("#Name", "No Script");
        await page.ClickAsync("#comments button[type=submit]");
        await page.WaitForSelectorAsync("#Body-error:has-text('Please enter your comment!')");

        // The fields after Body may not be parsed yet, and autofocus moves focus only at the next rendering update: wait for each.
        await Assertions.Expect(page.Locator("#Name")).ToHaveValueAsync("No Script");
        await Assertions.Expect(page.Locator("#Email-error")).ToHaveTextAsync("Please enter your email address here", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator("#Body")).ToBeFocusedAsync();

        await page.FillAsync("#Body", "Posted with JavaScript switched off.");
        await page.FillAsync("#Email", "noscript@browser.test");
        await reader.SendCommentAsync();
        await Assertions.Expect(page.Locator("#comments li.comment-held")).ToContainTextAsync("Posted with JavaScript switched off.", new() { UseInnerText = true });
    }

    [Fact]
    public async Task KeyboardOnly_ReachesFillsAndSendsTheForm_AndFocusGoesToTheFirstError()
    {
        await using var reader = await StoryReader.OpenAsync(site, "/", ".latest", 3);
        var page = reader.Page;
        await page.EvaluateAsync("document.activeElement && document.activeElement.blur()");

        // Tab from the top of the page until the comment box has focus.
        for (var presses = 0; presses < 300 && await page.EvaluateAsync<string>("document.activeElement.id") != "Body"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Body", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("Typed with the keyboard alone.");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Name", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Email", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("keys@browser.test");
        await page.Keyboard.PressAsync("Enter");

        // Name was left empty: focus lands on it, with the seed's message.
        // (The messages appear before the focus moves, so wait for the focus itself.)
        await page.WaitForSelectorAsync("#Name-error:has-text('Please enter your name here')");
        await Assertions.Expect(page.Locator("#Name")).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("Keyboard Reader");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#comments .notice-success");
        await Assertions.Expect(page.Locator("#comments li.comment-held")).ToContainTextAsync("Typed with the keyboard alone.", new() { UseInnerText = true });
    }
}
