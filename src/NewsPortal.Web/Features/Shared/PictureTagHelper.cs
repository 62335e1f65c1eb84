namespace NewsPortal.Web.Features.Shared;

/// <summary>
/// &lt;responsive-picture image="…" src="…" alt="…" sizes="…" lead="…" /&gt;: a media library image as
/// &lt;picture&gt; with AVIF and WebP sources, the JPEGs as the fallback's srcset and its own width and height (no
/// layout shift); any other address as a plain &lt;img&gt; at the site's 16:9 frame. The lead image (the first screen's
/// largest) is fetched first (<c>fetchpriority="high"</c>, not lazy); every other image loads lazily.
/// </summary>
[HtmlTargetElement("responsive-picture", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PictureTagHelper : TagHelper
{
    public ResponsiveImage? Image { get; set; }

    /// <summary>The stored address, used as it is when it is not a library image.</summary>
    public string? Src { get; set; }

    public string Alt { get; set; } = string.Empty;

    /// <summary>How wide the image is shown, as the sizes attribute says it (the layout's columns in site.css).</summary>
    public string Sizes { get; set; } = "100vw";

    public bool Lead { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Image is not { } image)
        {
            output.TagName = "img";
            output.TagMode = TagMode.StartTagOnly;
            output.Attributes.SetAttribute("src", Src);
            output.Attributes.SetAttribute("alt", Alt);
            output.Attributes.SetAttribute("width", "1200");
            output.Attributes.SetAttribute("height", "675");
            Loading(output.Attributes.SetAttribute);
            return;
        }

        output.TagName = "picture";
        var html = output.Content;
        foreach (var (type, srcset) in new[] { ("image/avif", image.AvifSrcSet), ("image/webp", image.WebpSrcSet) })
        {
            if (srcset.Length > 0)
            {
                html.AppendHtml("<source type=\"").Append(type).AppendHtml("\" srcset=\"").Append(srcset)
                    .AppendHtml("\" sizes=\"").Append(Sizes).AppendHtml("\">");
            }
        }

        html.AppendHtml("<img src=\"").Append(image.Fallback.Url).AppendHtml("\" srcset=\"").Append(image.JpegSrcSet)
            .AppendHtml("\" sizes=\"").Append(Sizes).AppendHtml("\" alt=\"").Append(Alt)
            .AppendHtml("\" width=\"").Append(image.Fallback.Width.ToString(CultureInfo.InvariantCulture))
            .AppendHtml("\" height=\"").Append(image.Fallback.Height.ToString(CultureInfo.InvariantCulture)).AppendHtml("\"");
        Loading((name, value) => html.AppendHtml(" ").AppendHtml(name).AppendHtml("=\"").Append(value).AppendHtml("\""));
        html.AppendHtml(">");
    }

    private void Loading(Action<string, string> attribute)
    {
        if (Lead)
        {
            attribute("fetchpriority", "high");
        }
        else
        {
            attribute("loading", "lazy");
        }

        attribute("decoding", "async");
    }
}
