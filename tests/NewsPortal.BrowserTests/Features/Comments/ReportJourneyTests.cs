namespace NewsPortal.BrowserTests.Features.Comments;

/// <summary>Reporting a comment on a phone with the keyboard, and a moderator deciding in the reported queue with shortcuts.</summary>
public sealed class ReportJourneyTests(SiteFixture site)
{
    /// <summary>A new article with one published comment; optionally already reported once.</summary>
    private async Task<(string Slug, int CommentId)> PublishedCommentAsync(string text, bool reported)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var now = DateTime.UtcNow;
        var article = await SiteContent.ArticleAsync(
            db, $"report-journey-{Guid.NewGuid():N}", "A story readers argue about", "Opinions differ.", "<p>Body.</p>", now.AddHours(-2));
        var comment = SiteContent.CommentOn(article, "Rowdy Reader", "rowdy@browser.test", $"<p>{text}</p>", CommentStatus.Approved, now.AddHours(-1));
        comment.ReportPriority = reported ? 1 : null;
        comment.ReportedAt = reported ? now.AddMinutes(-30) : null;
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        if (reported)
        {
            db.CommentReports.Add(new CommentReport { CommentId = comment.Id, Reason = ReportReason.Abuse, Explanation = "Insults.", ReaderKey = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), CreatedAt = now.AddMinutes(-30) });
            await db.SaveChangesAsync();
        }

        return (article.Slug, comment.Id);
    }

    [Fact]
    public async Task Reader_ReportsACommentOnAPhone_WithTheKeyboardAlone()
    {
        var (slug, id) = await PublishedCommentAsync("You are all idiots.", reported: false);
        await using var context = await site.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/news/{slug}");

        // The reader has tabbed to the comment's Report link; from there on, only keys.
        await page.FocusAsync($"#comment-{id} a.report-link");
        // The wait is for the load event: the width below is measured on the styled page, not on one still being parsed.
        await page.NavigatesToAsync(
            () => page.Keyboard.PressAsync("Enter"), url => url.EndsWith($"/comments/{id}/report", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("form.report-form");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The report page scrolls sideways at 390 px.");
        for (var i = 0; i < 40 && await page.EvaluateAsync<string?>("document.activeElement.name") != "Reason"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Reason-spam", await page.EvaluateAsync<string?>("document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("Reason-abuse", await page.EvaluateAsync<string?>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Explanation", await page.EvaluateAsync<string?>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("Insults other readers.");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Email", await page.EvaluateAsync<string?>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Send report", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync(".notice-success");
        await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("Your report has been sent to the moderators", new() { UseInnerText = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, "report-phone.png"), FullPage = true });
        await using var scope = site.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<NewsDbContext>().CommentReports.AsNoTracking().SingleAsync(r => r.CommentId == id);
        Assert.Equal((ReportReason.Abuse, "Insults other readers."), (report.Reason, report.Explanation));
    }

    [Fact]
    public async Task Moderator_HidesAReportedCommentWithTheKeyboardShortcut_AndReadersNoLongerSeeIt()
    {
        var text = $"Reported in the browser {Guid.NewGuid():N}";
        var (slug, id) = await PublishedCommentAsync(text, reported: true);
        await using var moderatorContext = await site.NewContextAsync();
        var moderator = await SiteFixture.SignedInPageAsync(moderatorContext, SiteFixture.ModeratorEmail);
        await moderator.GotoAsync("/admin/comments?status=reported");
        var rowId = $"queue-{id}";
        Assert.Contains("Insults.", await moderator.InnerTextAsync($"#{rowId} .report-list"), StringComparison.Ordinal);

        // j moves through the queue until the reported comment is current; h hides it with the preselected ground.
        for (var i = 0; i < 50 && await moderator.EvaluateAsync<string?>("document.activeElement.id") != rowId; i++)
        {
            await moderator.Keyboard.PressAsync("j");
        }

        Assert.Equal(rowId, await moderator.EvaluateAsync<string?>("document.activeElement.id"));
        await moderator.Keyboard.PressAsync("h");
        await moderator.WaitForSelectorAsync(".notice-success:has-text('Comment hidden')");
        await Assertions.Expect(moderator.Locator($"#{rowId}")).ToHaveCountAsync(0);

        await using var scope = site.Services.CreateAsyncScope();
        var comment = await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Comments.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(CommentStatus.Rejected, comment.Status);
        Assert.Equal("Harassment or abuse", comment.StatusReason);
        await using var strangerContext = await site.NewContextAsync();
        var stranger = await strangerContext.NewPageAsync();
        await stranger.GotoAsync($"/news/{slug}");
        Assert.DoesNotContain(text, await stranger.InnerTextAsync("#comments"), StringComparison.Ordinal);
    }
}
