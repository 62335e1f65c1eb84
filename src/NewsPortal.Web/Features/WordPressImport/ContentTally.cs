namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>What content conversion did, summed over an import for its summary.</summary>
public sealed class ContentTally
{
    public Dictionary<string, long> ShortcodesRemoved { get; } = new(StringComparer.OrdinalIgnoreCase);
    public long Captions { get; set; }
    public long Embeds { get; set; }
    public long ImagesKept { get; set; }
    public long ImagesMoved { get; set; }
    public long ImagesLinked { get; set; }

    public void Shortcode(string name)
    {
        var key = name.ToLowerInvariant();
        ShortcodesRemoved[key] = ShortcodesRemoved.GetValueOrDefault(key) + 1;
    }

    /// <summary>Adds what one post's conversion counted, once the post is written.</summary>
    public void Add(ContentTally from)
    {
        Captions += from.Captions;
        Embeds += from.Embeds;
        ImagesKept += from.ImagesKept;
        ImagesMoved += from.ImagesMoved;
        ImagesLinked += from.ImagesLinked;
        foreach (var (name, count) in from.ShortcodesRemoved)
        {
            ShortcodesRemoved[name] = ShortcodesRemoved.GetValueOrDefault(name) + count;
        }
    }
}
