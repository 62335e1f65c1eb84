namespace NewsPortal.IntegrationTests.Infrastructure.Caching;

/// <summary>
/// What UseSharedPages keeps and serves, shown on pages of this test's own that count how often they are rendered
/// (the site's shared pages render the same bytes either way, so only a counting page can tell a copy from a render).
/// </summary>
public sealed class SharedPageRulesTests(SharedPageRulesTests.Factory factory) : IClassFixture<SharedPageRulesTests.Factory>
{
    public sealed class Factory : NewsPortalFactory
    {
        public Factory() =>
            ConfigureServices = services => services.AddControllers().AddApplicationPart(typeof(CountingPagesController).Assembly);
    }

    private async Task<int> RendersAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? factory.CreateClient()).GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return int.Parse(body.Split("render ")[1].Split('<')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Asks for the page twice: the second answer is a fresh render, not a kept copy.</summary>
    private async Task AssertRenderedEveryTimeAsync(string url, HttpClient? client = null)
    {
        var first = await RendersAsync(url, client);
        Assert.Equal(first + 1, await RendersAsync(url, client));
    }

    [Fact]
    public async Task AnonymousReaders_GetTheCopy_UntilTheDataChanges()
    {
        var path = $"/test-shared/{Guid.NewGuid():N}";
        var first = await RendersAsync(path);

        Assert.Equal(first, await RendersAsync(path));
        Assert.Equal(first, await RendersAsync(path));

        factory.ForgetReaderCache();
        Assert.Equal(first + 1, await RendersAsync(path));
    }

    /// <summary>Only the plain page and its ?page=2 are kept: any other query, a cookie, a 404 or a body that is not HTML is rendered every time.</summary>
    [Theory]
    [InlineData("/test-shared/{id}?page=01")]
    [InlineData("/test-shared/{id}?page=0")]
    [InlineData("/test-shared/{id}?page=2&utm_source=x")]
    [InlineData("/test-shared/{id}?utm_source=x")]
    [InlineData("/test-shared/cookie/{id}")]
    [InlineData("/test-shared/missing/{id}")]
    [InlineData("/test-shared/json/{id}")]
    public Task AnyOtherQuery_ACookie_NotFound_OrNotHtml_IsNeverKept(string url) =>
        AssertRenderedEveryTimeAsync(url.Replace("{id}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));

    [Fact]
    public async Task PageTwo_IsACopyOfItsOwn()
    {
        var path = $"/test-shared/{Guid.NewGuid():N}";
        var one = await RendersAsync(path);
        var two = await RendersAsync(path + "?page=2");

        Assert.NotEqual(one, two);
        Assert.Equal(two, await RendersAsync(path + "?page=2"));
        Assert.Equal(one, await RendersAsync(path));
    }

    [Fact]
    public async Task ASignedInPerson_IsRenderedTheirOwnPage()
    {
        var path = $"/test-shared/{Guid.NewGuid():N}";
        await RendersAsync(path);
        await factory.CreateStaffAsync("shared-rules@example.com", "Editor");
        var staff = await factory.SignedInAsync("shared-rules@example.com");

        await AssertRenderedEveryTimeAsync(path, staff);
    }
}

/// <summary>Pages that say how many times they have been rendered.</summary>
public sealed class CountingPagesController : Controller
{
    private static int _renders;

    private ContentResult Page(int status = StatusCodes.Status200OK, string type = "text/html; charset=utf-8")
    {
        Response.StatusCode = status;
        return Content($"<!doctype html><title>t</title><p>render {Interlocked.Increment(ref _renders)}</p>", type);
    }

    [HttpGet("/test-shared/{id}")]
    [SharedPage]
    public IActionResult Plain(string id) => Page();

    [HttpGet("/test-shared/cookie/{id}")]
    [SharedPage]
    public IActionResult WithCookie(string id)
    {
        Response.Cookies.Append("mine", id);
        return Page();
    }

    [HttpGet("/test-shared/missing/{id}")]
    [SharedPage]
    public IActionResult Missing(string id) => Page(StatusCodes.Status404NotFound);

    [HttpGet("/test-shared/json/{id}")]
    [SharedPage]
    public IActionResult Json(string id) => Page(type: "application/json");
}
