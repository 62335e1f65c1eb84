namespace NewsPortal.IntegrationTests.Features.AdminSettings;

/// <summary>
/// The policy for the blocked and always-hold lists: moderators may add a commenter's address from the queue, and every
/// change to the rules (theirs, and each save of the settings page) is listed with who and when on the Admin-only
/// settings page. The list names the comment, never the address.
/// </summary>
public sealed class CommentSettingsHistoryTests(CommentSettingsHistoryTests.Factory factory) : IClassFixture<CommentSettingsHistoryTests.Factory>
{
    private const string Moderator = "moderator.history@test.example";

    public sealed class Factory() : NewsPortalFactory(
        [.. StaffSessions.Admin, ("Outbox:Enabled", "false"), ("Notifications:Enabled", "false")]);

    private static int _address;

    private HttpClient NewReader() => factory.Reader($"10.30.0.{Interlocked.Increment(ref _address)}");

    [Fact]
    public async Task ModeratorBlocksFromTheQueue_TheAdminsSeeWhoAndWhen_WithoutTheAddress_AndTheSettingsPageStaysAdminOnly()
    {
        await factory.CreateStaffAsync(Moderator, "Moderator");
        var (slug, id) = await factory.PublishedCommentAsync("A troll's comment.", "troll.history@example.com");
        await Reports.ReportAsync(NewReader(), slug, id, "abuse", "Trolling.");
        var moderator = await factory.SignedInAsync(Moderator);
        var (_, queue) = await Html.GetAsync(moderator, "/admin/comments?status=reported");

        var banned = await Html.SubmitAsync(moderator, queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/email/ban']")!);

        Assert.Equal(HttpStatusCode.SeeOther, banned.StatusCode);
        Assert.Contains("troll.history@example.com", (await factory.WithDbAsync(db => db.CommentSettings.AsNoTracking().SingleAsync())).BlockedEmails, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri("/admin/settings", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var (response, page) = await Html.GetAsync(admin, "/admin/settings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelectorAll(".settings-changes tbody tr").FirstOrDefault(r => r.TextContent.Contains($"comment {id}", StringComparison.Ordinal));
        Assert.True(row is not null, "No change names the comment: " + page.QuerySelector(".settings-changes")?.TextContent);
        Assert.Contains(Moderator, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("blocked emails", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='/admin/comments/{id}']"));
        Assert.NotNull(row.QuerySelector("time"));
        var recorded = await factory.WithDbAsync(db => db.CommentSettingsChanges.AsNoTracking().Where(c => c.CommentId == id).SingleAsync());
        Assert.DoesNotContain("troll.history", recorded.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminSave_IsRecordedWithWhatChanged_ButNotTheValues()
    {
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, page) = await Html.GetAsync(admin, "/admin/settings");
        var form = page.QuerySelector<IHtmlFormElement>("form.settings-form")!;
        var blocked = form.QuerySelector<IHtmlTextAreaElement>("#BlockedEmails")!.Value;

        var saved = await Html.SubmitAsync(admin, form, new Dictionary<string, string>
        {
            ["MaxLinks"] = "7",
            ["BlockedEmails"] = blocked + "\nsaved.by.admin@example.com",
        });

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var (_, after) = await Html.GetAsync(admin, "/admin/settings");
        var latest = after.QuerySelector(".settings-changes tbody tr")!.TextContent;
        Assert.Contains(StaffSessions.AdminEmail, latest, StringComparison.Ordinal);
        Assert.Contains("Saved the settings page: link limit, blocked emails.", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("saved.by.admin", latest, StringComparison.Ordinal);
    }
}
