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

    [Theory]
    [InlineData("?page=01")]
    [InlineData("?page=0")]
    [InlineData("?page=2&utm_source=x")]
    [InlineData("?utm_source=x")]
    public async Task AnyOtherQuery_IsRenderedEveryTime(string query)
    {
        var path = $"/test-shared/{Guid.NewGuid():N}{query}";
        var first = await RendersAsync(path);

        Assert.Equal(first + 1, await RendersAsync(path));
    }

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

    [Theory]
    [InlineData("cookie")]
    [InlineData("missing")]
    [InlineData("json")]
    public async Task APageThatSetsACookie_IsNotFound_OrIsNotHtml_IsNeverKept(string kind)
    {
        var path = $"/test-shared/{kind}/{Guid.NewGuid():N}";
        var first = await RendersAsync(path);

        Assert.Equal(first + 1, await RendersAsync(path));
    }

    [Fact]
    public async Task ASignedInPerson_IsRenderedTheirOwnPage()
    {
        var path = $"/test-shared/{Guid.NewGuid():N}";
        await RendersAsync(path);
        await factory.CreateStaffAsync("shared-rules@example.com", "Editor");
        var staff = await factory.SignedInAsync("shared-rules@example.com");

        var first = await RendersAsync(path, staff);
        Assert.Equal(first + 1, await RendersAsync(path, staff));
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
