namespace NewsPortal.IntegrationTests.Infrastructure.Redis;

/// <summary>Per-client and per-account limits hold across both instances.</summary>
public sealed class SharedRateLimitTests(SeveralInstancesTestBase.TwoInstances site) : SeveralInstancesTestBase(site), IClassFixture<SeveralInstancesTestBase.TwoInstances>
{
    [Fact]
    public async Task OneClientsCommentLimit_HoldsAcrossBothInstances()
    {
        var slug = (await PublishedArticleAsync()).Slug;
        const string Reader = "198.51.100.71";

        // Three a minute in all: two on A, one on B, then neither takes a fourth. Another reader is unaffected.
        Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.A, slug, Reader, "First, on A."));
        Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.B, slug, Reader, "Second, on B."));
        Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.A, slug, Reader, "Third, on A."));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostCommentAsync(_site.B, slug, Reader, "Fourth, on B."));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostCommentAsync(_site.A, slug, Reader, "Fifth, on A."));
        Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.B, slug, "198.51.100.72", "Someone else, on B."));
    }

    private static async Task<HttpStatusCode> SignInAsync(NewsPortalFactory instance, string clientAddress, string email)
    {
        var client = instance.CreateNoRedirectClient();
        client.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, clientAddress);
        var (_, page) = await Html.GetAsync(client, "/account/login");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = "not a real password" });
        return response.StatusCode;
    }

    [Fact]
    public async Task OneAccountsSignInLimit_HoldsAcrossBothInstancesAndClients()
    {
        var email = $"sprayed-{Guid.NewGuid():N}@example.com";

        // Three attempts for the address in a quarter of an hour, from three clients through two instances; then 429 on either.
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.A, "198.51.100.81", email));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.B, "198.51.100.82", email));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.A, "198.51.100.83", email));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(_site.B, "198.51.100.84", email));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(_site.A, "198.51.100.85", email));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.B, "198.51.100.86", $"other-{Guid.NewGuid():N}@example.com"));
    }

    [Fact]
    public async Task OneClientsSignInLimit_HoldsAcrossBothInstances()
    {
        Task<HttpStatusCode> SignInAsync(NewsPortalFactory instance, string clientAddress) =>
            SharedRateLimitTests.SignInAsync(instance, clientAddress, $"nobody-{Guid.NewGuid():N}@example.com");

        const string Sprayer = "198.51.100.91";

        // Three attempts a minute in all (each a friendly "does not match" page), then 429 with Retry-After on either.
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.A, Sprayer));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.B, Sprayer));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.A, Sprayer));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(_site.B, Sprayer));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(_site.A, Sprayer));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.B, "198.51.100.92"));
    }
}
