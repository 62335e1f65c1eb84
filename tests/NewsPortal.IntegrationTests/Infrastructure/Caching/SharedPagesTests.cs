namespace NewsPortal.IntegrationTests.Infrastructure.Caching;

/// <summary>The front page and the section and tag lists, kept whole per address and data version for anonymous readers.</summary>
public sealed class SharedPagesTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    // The weather in the header is read per render and is in no cached fragment or data: what a page shows of it says
    // whether the page was rendered for this request or served from a copy.
    private async Task<string> ShowWeatherFromAsync(string city)
    {
        var weather = factory.Services.GetRequiredService<WeatherCache>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (weather.Current is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50); // the start-up refresh must not overwrite the reading set below
        }

        weather.Set(new WeatherReading(city, 11, 3, DateTime.UtcNow));
        return city;
    }

    private Task SaveAnArticleAsync() =>
        factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.OrderBy(a => a.Id).FirstAsync();
            article.Standfirst += " ";
            await db.SaveChangesAsync();
        });

    private static async Task<string> GetTextAsync(HttpClient client, string url, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/category/world")]
    [InlineData("/category/world?page=1")]
    public async Task AnonymousReaders_SeeTheSamePage_UntilASaveWhichTheNextReaderSees(string url)
    {
        var before = await ShowWeatherFromAsync($"Before-{Guid.NewGuid():N}");
        await SaveAnArticleAsync();
        Assert.Contains(before, await GetTextAsync(factory.CreateClient(), url), StringComparison.Ordinal);

        var after = await ShowWeatherFromAsync($"After-{Guid.NewGuid():N}");
        var second = await GetTextAsync(factory.CreateClient(), url);
        Assert.Contains(before, second, StringComparison.Ordinal);

        // A save through the site moves the versions: the next reader gets a page rendered afresh.
        await SaveAnArticleAsync();
        Assert.Contains(after, await GetTextAsync(factory.CreateClient(), url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInPerson_GetsTheirOwnPage_NotTheSharedCopy()
    {
        await SaveAnArticleAsync();
        await GetTextAsync(factory.CreateClient(), "/");
        await factory.CreateStaffAsync("shared-pages-editor@example.com", "Editor");
        var staff = await factory.SignedInAsync("shared-pages-editor@example.com");

        var page = await GetTextAsync(staff, "/");

        Assert.Contains("Signed in as", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Signed in as", await GetTextAsync(factory.CreateClient(), "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCopy_IsTheSamePageCompressedOrNot_WithTheSameHeaders()
    {
        var url = "/category/world?page=1";
        var first = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var second = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(
            first.Headers.Select(h => h.Key).Concat(first.Content.Headers.Select(h => h.Key)).Where(k => k != "Date").Order(),
            second.Headers.Select(h => h.Key).Concat(second.Content.Headers.Select(h => h.Key)).Where(k => k != "Date").Order());
        Assert.Equal(await second.Content.ReadAsStringAsync(), await GetTextAsync(factory.CreateClient(), url, "gzip, br"));
    }
}
