namespace NewsPortal.UnitTests.Features.WordPressImport;

public sealed class WordPressContentTests
{
    private readonly WordPressContent _content = new(new ArticleSanitizer());

    private string Convert(string wordpress) => _content.ToArticleHtml(wordpress, _ => null, new ContentTally());

    [Theory]
    [MemberData(nameof(Converted))]
    public void Convert_WordPressText_IsTheArticleHtml(string wordpress, string html) =>
        Assert.Equal(html, Convert(wordpress));

    /// <summary>WordPress text and the article HTML it becomes, whole.</summary>
    public static TheoryData<string, string> Converted => new()
    {
        // A blank line starts a paragraph and a single line break is a <br>, as WordPress's autop does.
        { "One\ntwo\n\nThree", "<p>One<br>\ntwo</p>\n<p>Three</p>" },
        // Block comments are removed, and a block's own paragraph gets no autop rules.
        { "<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->", "<p>One\ntwo</p>" },
        // A script never arrives.
        { "Safe\n\n<script>alert(1)</script>", "<p>Safe</p>" },
    };

    [Fact]
    public void AutoP_ListAndPre_NoParagraphsOrBrInside()
    {
        var html = Convert("Intro\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre>x\n\ny</pre>");
        Assert.Contains("<ul>\n<li>a</li>\n<li>b</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<pre>x\n\ny</pre>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li><p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Caption_BecomesFigureWithFigcaption()
    {
        var html = Convert("[caption id=\"a\" width=\"300\"]<img src=\"/media/a.jpg\" alt=\"A\"> Words &amp; more[/caption]");
        Assert.Equal("<figure><img src=\"/media/a.jpg\" alt=\"A\"><figcaption>Words &amp; more</figcaption></figure>", html.Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]", "youtube", "dQw4w9WgXcQ")]
    [InlineData("[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]", "youtube", "dQw4w9WgXcQ")]
    [InlineData("<!-- wp:core-embed/vimeo {\"url\":\"https://vimeo.com/76979871\"} --><figure><div>https://vimeo.com/76979871</div></figure><!-- /wp:core-embed/vimeo -->", "vimeo", "76979871")]
    public void Video_BecomesTheEditorsEmbed(string wordpress, string provider, string id)
    {
        Assert.Contains($"<figure class=\"embed\" data-embed=\"{provider}\" data-id=\"{id}\">", Convert(wordpress), StringComparison.Ordinal);
    }

    [Fact]
    public void Shortcodes_RemovedInnerTextKeptCounted_BracketedProseKept()
    {
        var tally = new ContentTally();
        var html = _content.ToArticleHtml("[su_box title=\"x\"]Inside[/su_box] [gallery ids=\"1,2\"] [sic] [[literal]]", _ => null, tally);
        Assert.Equal("<p>Inside  [sic] [literal]</p>", html);
        Assert.Equal(1, tally.ShortcodesRemoved["su_box"]);
        Assert.Equal(1, tally.ShortcodesRemoved["gallery"]);
    }

    [Fact]
    public void PlainText_EntitiesDecodedOnce()
    {
        Assert.Equal("Tom & Jerry &amp; co", WordPressContent.PlainText("Tom &amp; Jerry &amp;amp; co"));
    }
}

public sealed class PhpSerializedTests
{
    [Theory]
    [InlineData("12", "12")]
    [InlineData("s:2:\"12\";", "12")]
    [InlineData("i:12;", "12")]
    public void Scalar_PlainOrSerialized(string meta, string expected) => Assert.Equal(expected, PhpSerialized.Scalar(meta));

    [Fact]
    public void Parse_WrongByteLength_StillReadsTheArray()
    {
        // Written as "3\r\n" (3 bytes); the XML round trip made it "3\n".
        var parsed = PhpSerialized.Parse("a:2:{s:14:\"td_primary_cat\";s:3:\"3\n\";s:4:\"file\";s:15:\"2025/03/hé.jpg\";}");
        Assert.Equal("3\n", PhpSerialized.Get(parsed, "td_primary_cat"));
        Assert.Equal("2025/03/hé.jpg", PhpSerialized.Get(parsed, "file"));
    }

    [Fact]
    public void Parse_Garbage_Null() => Assert.Null(PhpSerialized.Parse("a:9:{s:9999"));
}

public sealed class XmlCharacterFilterTests
{
    [Fact]
    public void Read_ForbiddenControlCharacters_DroppedAndCounted()
    {
        using var filter = new XmlCharacterFilter(new StringReader("a\u0001b\u000Bc\td\uFFFEe\uD83D\uDE00"));
        Assert.Equal("abc\tde\uD83D\uDE00", filter.ReadToEnd());
        Assert.Equal(3, filter.Dropped);
    }
}

public sealed class MediaMapTests
{
    [Theory]
    [InlineData("https://old.example.com/wp-content/uploads/2025/03/hall-300x200.jpg")]
    [InlineData("https://old.example.com/wp-content/uploads/2025/03/hall.jpg")]
    [InlineData("2025/03/hall.jpg")]
    public void UploadsPath_ResizedAndOriginal_Same(string address) => Assert.Equal("2025/03/hall.jpg", MediaMap.UploadsPath(address));
}
