namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>What readers and staff do, through forms exactly as the site renders them.</summary>
public static class Journeys
{
    /// <summary>A unique marker for a test's comment or headline: letters, digits and hyphens only.</summary>
    public static string Marker(string what) => $"topo-{what}-{Guid.NewGuid():N}";

    /// <summary>Opens the article and posts the comment form with every field it renders (token, stamp, honeypot).</summary>
    public static async Task<Answer> PostCommentAsync(Visitor reader, string slug, string body, CancellationToken cancellationToken = default)
    {
        var page = await reader.PageAsync($"/news/{slug}", cancellationToken);
        return await SubmitCommentAsync(reader, Html.CommentForm(page), body, cancellationToken);
    }

    public static Task<Answer> SubmitCommentAsync(Visitor reader, IHtmlFormElement form, string body, CancellationToken cancellationToken = default) =>
        reader.SubmitAsync(
            form,
            new Dictionary<string, string>
            {
                ["Name"] = "Topology Reader",
                ["Email"] = $"reader-{Guid.NewGuid():N}@example.test",
                ["Body"] = body,
            },
            cancellationToken);

    /// <summary>Posts a comment and checks the site acknowledged it (303 back to the article).</summary>
    public static async Task PostAcknowledgedCommentAsync(Visitor reader, string slug, string body)
    {
        var answer = await PostCommentAsync(reader, slug, body);
        Assert.True(answer.Status == HttpStatusCode.SeeOther, $"Posting a comment through {reader.BaseAddress} answered {answer}: {Html.Excerpt(answer.Text)}");
    }

    /// <summary>Signs in through the login form (antiforgery token included); success is a 302 into the admin area.</summary>
    public static async Task SignInAsync(Visitor browser, string email, string password)
    {
        var page = await browser.PageAsync("/account/login");
        var form = page.QuerySelector<IHtmlFormElement>("main form");
        Assert.True(form is not null, "The login page has no form.");
        var answer = await browser.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.True(
            answer.Status == HttpStatusCode.Redirect && answer.LocationPath?.StartsWith("/admin", StringComparison.Ordinal) == true,
            $"Signing in as {email} on {browser.BaseAddress} answered {answer} (Location {answer.Location}): {Html.Excerpt(answer.Text)}");
    }

    /// <summary>
    /// Finds the pending comment carrying <paramref name="marker"/> in the moderation queue and presses one of its
    /// buttons (each is a small form carrying the version the moderator saw).
    /// </summary>
    public static async Task<Answer> ModerateAsync(Visitor moderator, string marker, string action = "approve")
    {
        var queue = await moderator.PageAsync($"/admin/comments?status=pending&q={marker}");
        var item = queue.QuerySelectorAll("li.queue-item").FirstOrDefault(li => li.TextContent.Contains(marker, StringComparison.Ordinal));
        Assert.True(item is not null, $"The pending queue on {moderator.BaseAddress} does not list the comment {marker}.");
        var form = item.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => Html.ActionOf(f).EndsWith($"/{action}", StringComparison.Ordinal));
        Assert.True(form is not null, $"The queue row of {marker} has no {action} form.");
        Assert.Contains(Html.FormValues(form), f => f.Key == "version");
        return await moderator.SubmitAsync(form);
    }

    /// <summary>The comment is approved on <paramref name="moderator"/>'s instance (303 back to the queue, and so stored).</summary>
    public static async Task ApproveAsync(Visitor moderator, SharedDatabase database, string marker)
    {
        var answer = await ModerateAsync(moderator, marker);
        Assert.True(answer.Status == HttpStatusCode.SeeOther, $"Approving {marker} on {moderator.BaseAddress} answered {answer}.");
        var stored = Assert.Single(await database.CommentsContainingAsync(marker));
        Assert.Equal("Approved", stored.Status);
    }
}
