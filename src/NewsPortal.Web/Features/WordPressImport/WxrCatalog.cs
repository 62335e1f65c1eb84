namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// What the validation pass learns while it reads the whole file once: that it is readable to the end, and the small
/// things posts refer to (authors, terms, attachments), so the import pass can stream posts and still resolve them.
/// Attachments are kept as a few strings each; posts and comments are only counted.
/// </summary>
public sealed class WxrCatalog
{
    public required WxrChannel Channel { get; init; }

    /// <summary>The idempotency key's first part: the exporting site, lowercased, without scheme or trailing slash.</summary>
    public required string Source { get; init; }

    /// <summary>The blog's own path on its site ("" at the root, "/blog" for a blog in a folder).</summary>
    public required string BlogPath { get; init; }

    public Dictionary<string, WxrAuthor> Authors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By raw slug as exported.</summary>
    public Dictionary<string, WxrTerm> Categories { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, WxrTerm> Tags { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<long, WxrAttachment> Attachments { get; } = [];

    /// <summary>Categories some post has after its first: they become tags on that post, so they need a tag.</summary>
    public HashSet<string> CategoriesAsTags { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, long> ItemsByType { get; } = new(StringComparer.Ordinal);

    public long Posts { get; set; }

    public long Comments { get; set; }

    public long DroppedCharacters { get; set; }

    public static WxrCatalog Read(string path, CancellationToken cancellationToken)
    {
        using var reader = WxrReader.Open(path);
        WxrCatalog? catalog = null;
        foreach (var node in reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case WxrChannel channel:
                    catalog = new WxrCatalog { Channel = channel, Source = SourceOf(channel), BlogPath = BlogPathOf(channel) };
                    break;
                case WxrAuthor author when author.Login.Length > 0:
                    catalog!.Authors[author.Login] = author;
                    break;
                case WxrTerm { Taxonomy: WxrTaxonomy.Category } term when term.Slug.Length > 0:
                    catalog!.Categories[term.Slug] = term;
                    break;
                case WxrTerm term when term.Slug.Length > 0:
                    catalog!.Tags[term.Slug] = term;
                    break;
                case WxrItem item:
                    catalog!.Add(item);
                    break;
            }
        }

        catalog!.DroppedCharacters = reader.DroppedCharacters;
        return catalog;
    }

    private void Add(WxrItem item)
    {
        ItemsByType[item.PostType] = ItemsByType.GetValueOrDefault(item.PostType) + 1;
        if (item.PostType == "attachment")
        {
            Attachments[item.Id] = new WxrAttachment(
                item.Id,
                item.AttachmentUrl ?? item.Link ?? string.Empty,
                item.Meta.TryGetValue("_wp_attached_file", out var file) ? PhpSerialized.Scalar(file) : null,
                item.Meta.TryGetValue("_wp_attachment_image_alt", out var alt) ? PhpSerialized.Scalar(alt) : null,
                string.IsNullOrWhiteSpace(item.Excerpt) ? null : item.Excerpt,
                WordPressContent.PlainText(item.Title));
            return;
        }

        if (item.PostType != "post")
        {
            return;
        }

        Posts++;
        Comments += item.Comments.Count;
        if (item.Creator is { Length: > 0 } creator && !Authors.ContainsKey(creator))
        {
            // Posts by an account the export did not list still need a byline.
            Authors[creator] = new WxrAuthor(creator, creator);
        }

        foreach (var extra in item.Terms.Where(t => t.Taxonomy == WxrTaxonomy.Category).Skip(1))
        {
            CategoriesAsTags.Add(extra.Slug);
        }

        foreach (var term in item.Terms)
        {
            var terms = term.Taxonomy == WxrTaxonomy.Category ? Categories : Tags;
            if (term.Slug.Length > 0 && !terms.ContainsKey(term.Slug))
            {
                terms[term.Slug] = new WxrTerm(term.Taxonomy, term.Slug, term.Name, null);
            }
        }
    }

    private static string SourceOf(WxrChannel channel)
    {
        var site = channel.BaseSiteUrl ?? channel.BaseBlogUrl ?? channel.Link ?? "wordpress";
        var withoutScheme = site.Contains("://", StringComparison.Ordinal) ? site[(site.IndexOf("://", StringComparison.Ordinal) + 3)..] : site;
        var source = withoutScheme.TrimEnd('/').ToLowerInvariant();
        return source.Length <= Domain.ImportedItem.SourceMaxLength ? source : source[..Domain.ImportedItem.SourceMaxLength];
    }

    private static string BlogPathOf(WxrChannel channel) =>
        Uri.TryCreate(channel.BaseBlogUrl ?? channel.Link, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') : string.Empty;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Posts:N0} posts, {Comments:N0} comments");
}

/// <summary>An attachment item: its address, its file under uploads, and the words that go with it.</summary>
public sealed record WxrAttachment(long Id, string Url, string? File, string? Alt, string? Caption, string Title);
