namespace NewsPortal.UnitTests.Infrastructure.Sanitizing;

/// <summary>
/// What the article editor writes passes the sanitizer unchanged (the corpus in ClientApp/editor/test/corpus.html;
/// the browser tests check that the editor writes each case back unchanged), and the editor's classes and data
/// attributes survive only where the editor puts them.
/// </summary>
public sealed class ArticleSanitizerEditorTests
{
    private static readonly ArticleSanitizer Sanitizer = new();

    public static TheoryData<string, string> Corpus => EditorFiles.Corpus();

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Sanitize_WhatTheEditorWrites_IsUnchanged(string name, string html)
    {
        Assert.True(html.Length > 0, name);

        Assert.Equal(html, Sanitizer.Sanitize(html));
    }

    [Fact]
    public void Corpus_CoversEveryKindOfBlockTheEditorWrites()
    {
        var all = string.Join("\n", Corpus.Select(row => row.Data.Item2));

        foreach (var mark in new[] { "<h2>", "<h3>", "<h4>", "<ul>", "<ol>", "<ol start=", "<blockquote>", "<blockquote class=\"pullquote\">", "<a href", "<figure><img", "<figcaption>", "<small>", "<table>", "colspan=", "<hr>", "data-embed=\"youtube\"", "data-embed=\"vimeo\"", "<br>", "<strong>", "<em>" })
        {
            Assert.Contains(mark, all, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// What the media library's picker inserts: a same-site /media/ variant with its size. Not in the corpus, whose
    /// images must exist when the browser tests load it; the picker's browser test checks the editor writes it.
    /// </summary>
    [Fact]
    public void Sanitize_AFigureFromTheMediaLibrary_IsUnchanged()
    {
        const string html = "<figure><img src=\"/media/3f2a9c41d0b7e6a85c1f4e2d9b0a7c6e5f4d3c2b1a09f8e7d6c5b4a392817065.jpg\" alt=\"Boats in the harbour at dawn\" width=\"1200\" height=\"800\"><figcaption>The harbour <small>Photo: Jane Doe</small></figcaption></figure>";

        Assert.Equal(html, Sanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<p class=\"pullquote\">Text</p>", "<p>Text</p>")]
    [InlineData("<blockquote class=\"embed\"><p>Text</p></blockquote>", "<blockquote><p>Text</p></blockquote>")]
    [InlineData("<blockquote class=\"pullquote big\"><p>Text</p></blockquote>", "<blockquote class=\"pullquote\"><p>Text</p></blockquote>")]
    [InlineData("<blockquote class=\"shout\"><p>Text</p></blockquote>", "<blockquote><p>Text</p></blockquote>")]
    [InlineData("<p data-id=\"dQw4w9WgXcQ\" data-embed=\"youtube\">Text</p>", "<p>Text</p>")]
    [InlineData("<figure class=\"embed\" data-embed=\"youtube\" data-id=\"x\"><a href=\"/v\">Video</a></figure>", "<figure><a href=\"/v\">Video</a></figure>")]
    [InlineData("<figure class=\"embed\" data-embed=\"youtube\" data-id=\"dQw4w9WgXcQ&quot;onload=x\"><a href=\"/v\">Video</a></figure>", "<figure><a href=\"/v\">Video</a></figure>")]
    [InlineData("<figure class=\"embed\" data-embed=\"evil\" data-id=\"76979871\"><a href=\"/v\">Video</a></figure>", "<figure><a href=\"/v\">Video</a></figure>")]
    [InlineData("<figure class=\"embed\" data-embed=\"vimeo\" data-id=\"dQw4w9WgXcQ\"><a href=\"/v\">Video</a></figure>", "<figure><a href=\"/v\">Video</a></figure>")]
    [InlineData("<figure data-embed=\"vimeo\" data-id=\"76979871\"><a href=\"/v\">Video</a></figure>", "<figure><a href=\"/v\">Video</a></figure>")]
    public void Sanitize_EditorClassOrEmbedAttributesOutOfPlace_AreRemoved(string html, string expected)
    {
        Assert.Equal(expected, Sanitizer.Sanitize(html));
    }
}
