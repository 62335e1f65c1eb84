namespace NewsPortal.IntegrationTests.Features.Errors;

public sealed class ErrorPageTests
{
    [Fact]
    public async Task UnhandledException_OutsideDevelopment_ShowsFriendlyPageWithoutStackTrace()
    {
        using var factory = new NewsPortalFactory
        {
            ConfigureServices = services => services.AddSingleton<IStartupFilter>(new ThrowingEndpoint()),
        };

        var (response, document) = await Html.GetAsync(factory.CreateClient(), "/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", document.QuerySelector("h1")!.TextContent.Trim());
        var text = document.DocumentElement.OuterHtml;
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(document.QuerySelectorAll("nav.sections a").Length > 1);
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/boom", boom => boom.Run(_ => throw new InvalidOperationException("secret detail")));
        };
    }
}

/// <summary>A comment post the form reader cannot read is answered with the friendly 400 page, never a 500.</summary>
public sealed class UnreadableFormTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private readonly NewsPortalFactory _factory = factory;

    public static TheoryData<string, string> Bodies => new()
    {
        { "NUL in a field", "Name=Ada&Email=ada%40example.com&Body=Hello&ParentId=%00" },
        { "more than 1,024 fields", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x")) },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task CommentPost_WithAnUnreadableForm_GetsTheFriendly400Page_AndStoresNothing(string name, string body)
    {
        _ = name;
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var client = _factory.CreateNoRedirectClient();
        using var content = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), content);
        var document = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("That request could not be understood", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(0, await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Comments, c => c.Article.Slug == slug)));
    }
}
