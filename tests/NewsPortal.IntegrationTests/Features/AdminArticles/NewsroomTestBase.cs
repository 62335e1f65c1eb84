namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>A newsroom with an editor, and how the editor fills in and saves the article form, shared by the newsroom tests.</summary>
public abstract class NewsroomTestBase(NewsroomTestBase.Factory factory)
{
    private protected const string Editor = "newsroom-editor@test.example";
    private protected readonly Factory _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        private bool _seeded;

        public Factory()
        {
            Time = Clock;
            this.WithAdmin();
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public async Task<HttpClient> EditorAsync()
        {
            if (!_seeded)
            {
                _seeded = true;
                await this.CreateStaffAsync(Editor, Roles.Editor);
            }

            return await this.SignedInAsync(Editor);
        }
    }

    private protected async Task<Dictionary<string, string>> NewArticleFieldsAsync(string headline, string body = "<p>First paragraph.</p>")
    {
        var fields = await StoryFields.NewAsync(_factory, headline, body);
        fields["Tags"] = "newsroom test, elections";
        return fields;
    }

    private protected static Task<HttpResponseMessage> SaveAsync(HttpClient editor, string url, Dictionary<string, string> values, string intent) =>
        ArticleEditor.SaveAsync(editor, url, values, intent);

    private protected static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);

    private protected Task<HttpStatusCode> ReaderStatusAsync(string slug) =>
        _factory.CreateClient().GetAsync(new Uri($"/news/{slug}", UriKind.Relative)).ContinueWith(t => t.Result.StatusCode, TaskScheduler.Default);
}
