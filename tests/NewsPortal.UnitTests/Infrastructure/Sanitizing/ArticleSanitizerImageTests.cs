namespace NewsPortal.UnitTests.Infrastructure.Sanitizing;

/// <summary>Article images survive sanitizing only from this site and from Content:ImageOrigins.</summary>
public sealed class ArticleSanitizerImageTests
{
    private static readonly ArticleSanitizer Sanitizer = new(new ImageOrigins(["https://images.example.com"]));

    [Theory]
    [InlineData("/images/articles/harbour.svg")]
    [InlineData("https://images.example.com/harbour.jpg")]
    [InlineData("https://IMAGES.example.com:443/harbour.jpg")]
    public void Sanitize_ImageFromThisSiteOrAnAllowedOrigin_KeepsItsAddress(string src)
    {
        var html = Sanitizer.Sanitize($"<p><img src=\"{src}\" alt=\"Harbour\"></p>");

        Assert.Contains($"src=\"{src}\"", html, StringComparison.Ordinal);
        Assert.Empty(Sanitizer.ImagesFromOtherSites($"<img src=\"{src}\">"));
    }

    [Theory]
    [InlineData("https://elsewhere.example/harbour.jpg")]
    [InlineData("https://images.example.com.evil.example/harbour.jpg")]
    [InlineData("http://images.example.com/harbour.jpg")]
    [InlineData("https://images.example.com:8443/harbour.jpg")]
    [InlineData("//images.example.com/harbour.jpg")]
    public void Sanitize_ImageFromAnotherSite_DropsItsAddressAndReportsIt(string src)
    {
        var html = Sanitizer.Sanitize($"<p><img src=\"{src}\" alt=\"Harbour\"></p>");

        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Equal([src], Sanitizer.ImagesFromOtherSites($"<p>Text</p><img src=\"{src}\"><img src=\"/images/a.png\">"));
    }

    [Fact]
    public void Sanitize_WithoutImageOrigins_KeepsOnlyThisSitesImagesButEveryLink()
    {
        var html = new ArticleSanitizer().Sanitize(
            "<img src=\"https://images.example.com/a.jpg\" alt=\"A\"><img src=\"/images/b.png\" alt=\"B\"><a href=\"https://elsewhere.example/\">link</a>");

        Assert.DoesNotContain("images.example.com", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/images/b.png\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://elsewhere.example/\"", html, StringComparison.Ordinal);
    }
}
