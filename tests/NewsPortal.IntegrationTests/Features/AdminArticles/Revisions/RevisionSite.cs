namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>A site with a settable clock and editors who open, fill in and save the article editor as a browser does.</summary>
public sealed class RevisionSite : NewsPortalFactory
{
    private readonly HashSet<string> _staff = [];

    public RevisionSite()
    {
        Time = Clock;
        this.WithAdmin();
        Settings["Newsroom:DraftRevisionsKept"] = "3";
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public async Task<HttpClient> EditorAsync(string email)
    {
        if (_staff.Add(email))
        {
            await this.CreateStaffAsync(email, Roles.Editor);
        }

        return await this.SignedInAsync(email);
    }

    public async Task<Dictionary<string, string>> NewStoryAsync(string headline, string body = "<p>The council voted on Tuesday.</p>")
    {
        var fields = await StoryFields.NewAsync(this, headline, body);
        fields["Tags"] = string.Empty;
        return fields;
    }

    /// <summary>The editor's form as opened now (with the version it was opened at), to be posted later.</summary>
    public static async Task<(string Action, List<KeyValuePair<string, string>> Fields)> OpenAsync(HttpClient editor, string url, IReadOnlyDictionary<string, string>? typed = null)
    {
        var (response, page) = await Html.GetAsync(editor, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        return (Html.ActionOf(form), Html.FormValues(form, typed));
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient editor, string action, List<KeyValuePair<string, string>> fields, string intent)
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("intent", intent) };
        return await Html.PostAsync(editor, action, all);
    }

    /// <summary>Opens the editor at <paramref name="url"/>, types <paramref name="typed"/> and saves with <paramref name="intent"/>.</summary>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string url, IReadOnlyDictionary<string, string> typed, string intent)
    {
        var (action, fields) = await OpenAsync(editor, url, typed);
        return await PostAsync(editor, action, fields, intent);
    }

    public static int IdFrom(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Expected a 303 after saving, got {(int)response.StatusCode}.");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
    }
}
