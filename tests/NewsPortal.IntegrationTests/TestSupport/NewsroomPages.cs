namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A site with an editor signed in, and the forms of the sections and bylines pages submitted as rendered.</summary>
public sealed class NewsroomSite : NewsPortalFactory
{
    public const string EditorEmail = "sections-editor@test.example";
    public const string ModeratorEmail = "sections-moderator@test.example";

    private HttpClient? _editor;

    public NewsroomSite() => this.WithAdmin();

    public async Task<HttpClient> EditorAsync()
    {
        if (_editor is null)
        {
            await this.CreateStaffAsync(EditorEmail, Roles.Editor);
            await this.CreateStaffAsync(ModeratorEmail, Roles.Moderator);
            _editor = await this.SignedInAsync(EditorEmail);
        }

        return _editor;
    }

    /// <summary>
    /// <paramref name="page"/> is the newsroom's alone: the Moderator gets 403 there, and an anonymous visitor to
    /// <paramref name="anonymousPage"/> is sent to sign in.
    /// </summary>
    public async Task AssertForEditorsOnlyAsync(string page, string anonymousPage)
    {
        // The Editor's first sign-in makes the Moderator's account.
        await EditorAsync();
        var moderator = await this.SignedInAsync(ModeratorEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
        var anonymous = await this.Browser().GetAsync(new Uri(anonymousPage, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Opens <paramref name="page"/>, fills the form matching <paramref name="selector"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, string selector, Dictionary<string, string> values)
    {
        var (response, document) = await Html.GetAsync(client, page);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page}: {(int)response.StatusCode}");
        var form = document.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form {selector} on {page}.");
        return await Html.SubmitAsync(client, form, values);
    }

    /// <summary>
    /// The editor sends the form matching <paramref name="selector"/> on <paramref name="page"/> with
    /// <paramref name="values"/>: it comes back with <paramref name="message"/>, and <paramref name="rows"/> are as many as before.
    /// </summary>
    public async Task AssertRefusedAsync<T>(
        Func<NewsDbContext, IQueryable<T>> rows, string page, string selector, Dictionary<string, string> values, string message)
    {
        var count = await WithDbAsync(db => rows(db).CountAsync());

        var response = await SubmitAsync(await EditorAsync(), page, selector, values);

        await AssertShownAgainWithAsync(response, message);
        Assert.Equal(count, await WithDbAsync(db => rows(db).CountAsync()));
    }

    /// <summary>The form sent back to be corrected (200, not a redirect) with <paramref name="message"/> among its errors.</summary>
    public static async Task AssertShownAgainWithAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response), StringComparison.Ordinal);
    }

    public static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        string.Join(" | ", (await Html.ParseAsync(response)).QuerySelectorAll(".field-error, .form-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
}
