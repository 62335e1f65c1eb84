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

    /// <summary>Opens <paramref name="page"/>, fills the form matching <paramref name="selector"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, string selector, Dictionary<string, string> values)
    {
        var (response, document) = await Html.GetAsync(client, page);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page}: {(int)response.StatusCode}");
        var form = document.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form {selector} on {page}.");
        return await Html.SubmitAsync(client, form, values);
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
