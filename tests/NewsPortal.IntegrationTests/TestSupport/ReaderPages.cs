namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A page as an anonymous reader gets it.</summary>
public static class ReaderPages
{
    /// <summary>Opens <paramref name="url"/> in a new reader's browser and asserts it answers 200.</summary>
    public static async Task<IHtmlDocument> ReaderPageAsync(this NewsPortalFactory factory, string url)
    {
        var (response, document) = await Html.GetAsync(factory.CreateClient(), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    /// <summary>The status a GET of <paramref name="url"/> from <paramref name="client"/> is answered with.</summary>
    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, string url) =>
        (await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode;
}
