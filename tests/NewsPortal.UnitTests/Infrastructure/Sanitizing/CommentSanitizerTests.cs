namespace NewsPortal.UnitTests.Infrastructure.Sanitizing;

public sealed partial class CommentSanitizerTests
{
    // The app registers the sanitizer as a singleton; the tests share one the same way.
    private static readonly CommentSanitizer Sanitizer = new();

    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> AllowedElements =
        new(["p", "br", "b", "i", "em", "strong", "code", "blockquote", "a"], StringComparer.Ordinal);

    public static TheoryData<string> Vectors => new(XssVectors.All);

    [Fact]
    public void XssVectors_Corpus_HasAtLeastAHundredDistinctVectors()
    {
        Assert.True(XssVectors.All.Distinct(StringComparer.Ordinal).Count() >= 100);
        Assert.Equal(XssVectors.All.Count, XssVectors.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sanitize_XssVector_LeavesOnlySafeMarkup(string vector) =>
        AssertSafe(Sanitizer.Sanitize(CommentText.CleanBody(vector)));

    // The check itself must fail on unsafe markup, or the theory above proves nothing.
    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<p onclick=\"alert(1)\">x</p>")]
    [InlineData("<b title=\"x\">x</b>")]
    [InlineData("<p rel=\"x\">x</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"/relative\">x</a>")]
    [InlineData("<a href=\"https://example.com/\" target=\"_blank\">x</a>")]
    [InlineData("<a href=\"data:text/html,x\">x</a>")]
    [InlineData("<span>x</span>")]
    [InlineData("<p>x</p><script>alert(1)</script>")]
    [InlineData("<p>javascript:alert(1)</p>")]
    public void AssertSafe_UnsafeMarkup_Fails(string html) =>
        Assert.ThrowsAny<Exception>(() => AssertSafe(html));

    [Fact]
    public void Sanitize_BlankLineAndNewLine_BecomeParagraphsAndBreak()
    {
        var html = Sanitizer.Sanitize(CommentText.CleanBody("First line\nsecond line\r\n\r\nNext paragraph"));

        var paragraphs = Elements(html).Where(e => e.LocalName == "p").ToList();
        Assert.Equal(2, paragraphs.Count);
        Assert.Single(paragraphs[0].QuerySelectorAll("br"));
        Assert.Equal("First line\nsecond line", paragraphs[0].TextContent);
        Assert.Equal("Next paragraph", paragraphs[1].TextContent);
    }

    [Fact]
    public void Sanitize_LessThanAndAmpersand_StayEncodedText()
    {
        var html = Sanitizer.Sanitize("a < b & c");

        Assert.Equal("<p>a &lt; b &amp; c</p>", html);
    }

    [Theory]
    [InlineData("<b>bold</b>", "b", "bold")]
    [InlineData("<strong>strong</strong>", "strong", "strong")]
    [InlineData("<i>italic</i>", "i", "italic")]
    [InlineData("<em>emphasis</em>", "em", "emphasis")]
    [InlineData("<code>x = 1;</code>", "code", "x = 1;")]
    [InlineData("<blockquote>quoted</blockquote>", "blockquote", "quoted")]
    public void Sanitize_AllowedMarkup_Survives(string body, string tag, string text)
    {
        var element = Assert.Single(Elements(Sanitizer.Sanitize(body)), e => e.LocalName == tag);

        Assert.Equal(text, element.TextContent);
        Assert.Empty(element.Attributes);
    }

    [Fact]
    public void Sanitize_BareHttpsUrl_BecomesNofollowLink()
    {
        var html = Sanitizer.Sanitize("See https://example.com/news?id=1&x=2 for more.");

        var link = Assert.Single(Elements(html), e => e.LocalName == "a");
        Assert.Equal("https://example.com/news?id=1&x=2", link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Equal("https://example.com/news?id=1&x=2", link.TextContent);
        Assert.EndsWith(" for more.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_UrlInsideCode_IsNotLinkified()
    {
        var html = Sanitizer.Sanitize("<code>curl https://example.com/</code>");

        Assert.DoesNotContain(Elements(html), e => e.LocalName == "a");
    }

    [Fact]
    public void Sanitize_ReadersLink_GetsNofollowRel()
    {
        var html = Sanitizer.Sanitize("""<a href="https://example.com" rel="opener" target="_blank" title="t">x</a>""");

        var link = Assert.Single(Elements(html), e => e.LocalName == "a");
        Assert.Equal("https://example.com", link.GetAttribute("href"));
        Assert.Equal(CommentSanitizer.LinkRel, link.GetAttribute("rel"));
        Assert.Equal(2, link.Attributes.Length);
        Assert.Equal("x", link.TextContent);
    }

    [Fact]
    public void Sanitize_JavascriptLink_KeepsTextWithoutHref()
    {
        var html = Sanitizer.Sanitize("""<a href="javascript:alert(1)">x</a>""");

        var link = Assert.Single(Elements(html), e => e.LocalName == "a");
        Assert.Empty(link.Attributes);
        Assert.Equal("x", link.TextContent);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<span>kept text</span>")]
    [InlineData("<font color=red>kept text</font>")]
    [InlineData("<u>kept text</u>")]
    public void Sanitize_DisallowedInlineWrapper_KeepsItsText(string body) =>
        Assert.Equal("<p>kept text</p>", Sanitizer.Sanitize(body));

    [Theory]
    [InlineData("<div>kept text</div>", "div")]
    [InlineData("<h1>kept text</h1>", "h1")]
    [InlineData("<section><h2>kept text</h2></section>", "h2")]
    public void Sanitize_DisallowedBlockWrapper_KeepsItsText(string body, string tag)
    {
        var html = Sanitizer.Sanitize(body);

        Assert.DoesNotContain("<" + tag, html, StringComparison.Ordinal);
        Assert.Equal("kept text", Parser.ParseDocument(html).Body!.TextContent.Trim());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<style>p { color: red }</style>")]
    [InlineData("<iframe>alert(1)</iframe>")]
    [InlineData("<textarea>alert(1)</textarea>")]
    [InlineData("<svg><text>alert(1)</text></svg>")]
    public void Sanitize_ActiveContent_LosesItsContent(string body)
    {
        var html = Sanitizer.Sanitize("before " + body + " after");

        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("color", html, StringComparison.Ordinal);
        Assert.StartsWith("<p>before ", html, StringComparison.Ordinal);
        Assert.EndsWith(" after</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_EmptyOrWhitespace_IsEmpty()
    {
        Assert.Equal(string.Empty, Sanitizer.Sanitize(string.Empty));
        Assert.Equal(string.Empty, Sanitizer.Sanitize("  \n\n  "));
    }

    [Fact]
    public void CountLinks_SanitizedHtml_CountsEveryLink()
    {
        var html = Sanitizer.Sanitize("""
            One https://example.com/a and <a href="https://example.com/b">two</a>,
            <b>https://example.com/c</b> three. No link in <abbr>abbr</abbr> or <code>https://example.com/d</code>.
            """);

        Assert.Equal(3, CommentSanitizer.CountLinks(html));
        Assert.Equal(0, CommentSanitizer.CountLinks(Sanitizer.Sanitize("plain text, <b>bold</b>")));
    }

    private static void AssertSafe(string html)
    {
        foreach (var element in Elements(html))
        {
            Assert.True(AllowedElements.Contains(element.LocalName), $"Element <{element.LocalName}> in: {html}");
            foreach (var attribute in element.Attributes)
            {
                var allowed = attribute.Name == "href" || (attribute.Name == "rel" && element.LocalName == "a");
                Assert.True(allowed, $"Attribute {attribute.Name} on <{element.LocalName}> in: {html}");
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Handler in: {html}");
                Assert.DoesNotContain("data:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }

            if (element.GetAttribute("href") is { } href)
            {
                Assert.True(
                    Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                    $"href \"{href}\" in: {html}");
            }
        }

        // Every "<" left in the output must open or close an allowed tag: a reader's "<" is always text (&lt;).
        foreach (Match tag in TagStart().Matches(html))
        {
            Assert.Contains(tag.Groups["name"].Value.ToLowerInvariant(), AllowedElements);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
    }

    private static List<IElement> Elements(string html)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><head></head><body>" + html);
        return [.. document.Body!.QuerySelectorAll("*")];
    }

    [GeneratedRegex(@"</?(?<name>[A-Za-z][^\s/>]*)")]
    private static partial Regex TagStart();
}
