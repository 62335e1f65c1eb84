namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// <c>&lt;reader-cache key="front:1"&gt;…&lt;/reader-cache&gt;</c>: HTML that is the same for every reader, rendered once
/// per version of the data it shows (see <see cref="ReaderSnapshot"/>) and kept in the reader cache for at most
/// <see cref="ReaderCache.FragmentLifetime"/>. Never put anything per visitor inside one.
/// </summary>
[HtmlTargetElement("reader-cache")]
public sealed class ReaderCacheTagHelper(ReaderSnapshot snapshot) : TagHelper
{
    /// <summary>What the fragment shows, apart from the data versions: e.g. <c>article:{slug}</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The data the fragment shows: <see cref="ReaderChange.Comments"/> (the default) or only articles.</summary>
    public ReaderChange DependsOn { get; set; } = ReaderChange.Comments;

    /// <summary>False renders the content without caching it (a preview, a page with the viewer's own comments).</summary>
    public bool Enabled { get; set; } = true;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (!Enabled)
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
            return;
        }

        var (key, html) = await snapshot.GetRenderedAsync<string>(Key, DependsOn, CancellationToken.None);
        if (html is null)
        {
            html = (await output.GetChildContentAsync()).GetContent();
            snapshot.SetFragment(key, html);
        }

        output.Content.SetHtmlContent(html);
    }
}
