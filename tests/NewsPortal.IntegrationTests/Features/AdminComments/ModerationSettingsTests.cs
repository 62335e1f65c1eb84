namespace NewsPortal.IntegrationTests.Features.AdminComments;

/// <summary>The comment settings page: saved rules apply at the next comment; a form missing or mistyping a field saves nothing.</summary>
public sealed class ModerationSettingsTests(ModerationTestBase.Factory factory) : ModerationTestBase(factory), IClassFixture<ModerationTestBase.Factory>
{
    [Fact]
    public async Task Settings_SavedKeyword_HoldsTheNextCommentWithoutARestart()
    {
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, settings) = await Html.GetAsync(admin, "/admin/settings");
        var form = settings.QuerySelector<IHtmlFormElement>("main form.settings-form")!;
        // Untick pre-moderation: the box is left out and its hidden "false" stays, as in a browser.
        var fields = Html.FormValues(form, new Dictionary<string, string> { ["ModerationKeywords"] = "zeppelin", ["MaxLinks"] = "2" })
            .Where(f => !(f.Key == "PreModeration" && f.Value == "true")).ToList();

        var saved = await Html.PostAsync(admin, Html.ActionOf(form), fields);
        var (id, _) = await ReaderPostsAsync("A zeppelin flew over.");
        var (id2, _) = await ReaderPostsAsync("Nothing special here.");

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var held = await CommentAsync(id);
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Contains("zeppelin", held.StatusReason, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id2)).Status);

        // Put the defaults back for the other tests in this class.
        await _factory.WithDbAsync(db => db.CommentSettings.ExecuteDeleteAsync());
        _factory.ForgetReaderCache();
    }

    [Fact]
    public async Task Settings_PostedWithOnlyTheToken_SavesNothingAndSaysSettingsWereMissing()
    {
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, settings) = await Html.GetAsync(admin, "/admin/settings");
        var form = settings.QuerySelector<IHtmlFormElement>("main form.settings-form")!;
        var tokenOnly = Html.FormValues(form).Where(f => f.Key == "__RequestVerificationToken").ToList();

        var response = await Html.PostAsync(admin, Html.ActionOf(form), tokenOnly);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Some settings were missing from the form, so nothing was saved.", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.CommentSettings.CountAsync()));
    }

    [Theory]
    [InlineData("PreModeration", "yes")]
    [InlineData("AutoApprovePreviouslyApproved", "on")]
    [InlineData("MaxLinks", "99999999999999999999")]
    [InlineData("MaxLinks", "-1")]
    [InlineData("AutoCloseAfterDays", "1e3")]
    [InlineData("Version", "x")]
    public async Task Settings_FieldThatIsNotItsType_ShowsTheFormAgainAndSavesNothing(string field, string value)
    {
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, settings) = await Html.GetAsync(admin, "/admin/settings");
        var form = settings.QuerySelector<IHtmlFormElement>("main form.settings-form")!;

        var response = await Html.PostAsync(admin, Html.ActionOf(form), Html.FormValues(form, new Dictionary<string, string> { [field] = value }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("main form.settings-form"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.CommentSettings.CountAsync()));
    }
}
