using Serilog.Core;

namespace NewsPortal.IntegrationTests.Features.Errors;

/// <summary>A site that captures its log, and the raw form bodies a broken client sends, shared by the bad-input corpus tests.</summary>
public abstract class BadInputTestBase(BadInputTestBase.Site site)
{
    private protected const string FormType = "application/x-www-form-urlencoded";
    private protected static readonly string Long = new('a', 20_000);
    private protected readonly Site _site = site;

    public sealed class Site : NewsPortalFactory
    {
        public Site()
        {
            this.WithAdmin();
            ConfigureServices = services => services.AddSingleton<ILogEventSink>(Log);
        }

        public CapturedLog Log { get; } = new();
    }

    private protected async Task<string> NewArticleAsync() => (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private protected Task<int> CommentsOnAsync(string slug) => _site.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug));

    private protected void AssertNo5xx(HttpResponseMessage response, string what)
    {
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        Assert.Empty(_site.Log.Errors);
        // Nothing a client sent becomes a header of its own.
        Assert.False(response.Headers.Contains("X-Injected"), what);
        Assert.DoesNotContain(
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => cookie.StartsWith("injected", StringComparison.Ordinal));
    }

    private protected async Task<(HttpClient Client, List<KeyValuePair<string, string>> Fields)> CommentFieldsAsync(string slug)
    {
        var client = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        return (client, Html.FormValues(Html.CommentForm(page), new Dictionary<string, string>
        {
            ["Name"] = "Ada Lovelace",
            ["Email"] = "ada@example.com",
            ["Body"] = "A thoughtful comment.",
        }));
    }

    private protected static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    private protected static string Encoded(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")).Replace("%20", "+", StringComparison.Ordinal);

    private protected static ByteArrayContent Form(List<KeyValuePair<string, string>> fields, string extra) => Raw(Encoded(fields) + extra);

    private protected static ByteArrayContent Raw(string urlEncoded) => WithType(urlEncoded, FormType);

    private protected static ByteArrayContent WithType(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private protected static string Multipart(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Concat(fields.Select(f => $"--cut-boundary\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n")) + "--cut-boundary--\r\n";
}
