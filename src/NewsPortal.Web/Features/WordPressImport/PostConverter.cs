using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// A WordPress post and its comments as NewsPortal stores them: the article (status and dates from WordPress's, the
/// first category as section, the byline, the body through <see cref="WordPressContent"/>, the featured image as
/// hero) and each comment. Touches nothing shared, so the import's reading task converts ahead of its writer.
/// </summary>
internal sealed class PostConverter(WordPressContent content, CommentSanitizer comments, ImageOrigins imageOrigins)
{
    private readonly WordPressContent _content = content;
    private readonly CommentSanitizer _comments = comments;

    /// <summary>A post and its comments as they will be stored; what was noted on the way is counted only when written.</summary>
    public ConvertedPost Convert(ImportBatchWriter run, WxrItem item, ImportedPeople people, MediaMap media)
    {
        var converted = new ConvertedPost(item.Comments.Count);
        converted.Article = NewArticle(run, item, people, media, converted.Notes, converted.Content);
        for (var i = 0; i < item.Comments.Count; i++)
        {
            if (item.Comments[i].Type is not ("pingback" or "trackback"))
            {
                converted.Comments[i] = NewComment(run, item, item.Comments[i]);
            }
        }

        return converted;
    }

    /// <summary>What it notices goes to <paramref name="notes"/> and <paramref name="content"/>.</summary>
    private Article NewArticle(ImportBatchWriter run, WxrItem item, ImportedPeople people, MediaMap media, List<string> notes, ContentTally content)
    {
        var gmt = WxrDates.Parse(item.PostDateGmt);
        var local = WxrDates.Parse(item.PostDate);
        var when = gmt ?? local;
        if (gmt is null && local is not null && item.Status is "publish" or "future")
        {
            notes.Add("without a GMT date, their local time taken as UTC");
        }

        var (status, publishedAt) = item.Status switch
        {
            "publish" => (ArticleStatus.Published, when ?? run.Now),
            "future" => (ArticleStatus.Scheduled, (DateTime?)(when ?? run.Now)),
            _ => (ArticleStatus.Draft, (DateTime?)null),
        };
        if (item.Status is "draft" or "pending" or "private")
        {
            notes.Add($"{item.Status} as drafts");
        }
        else if (item.Status == "future")
        {
            notes.Add("scheduled");
        }

        var categories = item.Terms.Where(t => t.Taxonomy == WxrTaxonomy.Category).ToList();
        if (categories.Count > 1)
        {
            notes.Add("in several categories: the first is the section, the others became tags");
        }

        var categoryId = categories.Count > 0 && people.Categories.TryGetValue(categories[0].Slug, out var c) ? c : people.Categories.GetValueOrDefault("uncategorized");
        var authorId = item.Creator is { } login && people.Authors.TryGetValue(login, out var a) ? a : people.Authors.Values.FirstOrDefault();
        var body = _content.ToArticleHtml(item.Content, media.Resolve, content);
        var headline = ImportWordPressExport.Cut(WordPressContent.PlainText(item.Title), FieldLengths.Headline);
        var standfirst = WordPressContent.PlainText(item.Excerpt);
        if (standfirst.Length == 0)
        {
            standfirst = FirstWords(WordPressContent.PlainText(body), 300);
        }

        var article = new Article
        {
            Slug = ArticleSlug(item),
            Headline = headline.Length > 0 ? headline : "(untitled)",
            Standfirst = ImportWordPressExport.Cut(standfirst, FieldLengths.Standfirst),
            BodyHtml = body,
            Status = status,
            PublishedAt = publishedAt,
            CreatedAt = when ?? run.Now,
            CommentsOpen = item.CommentStatus != "closed",
            AuthorId = authorId,
            CategoryId = categoryId,
        };
        if (item.CommentStatus == "closed")
        {
            notes.Add("with comments closed (kept closed)");
        }

        if (item.Meta.TryGetValue("_thumbnail_id", out var thumbnail)
            && long.TryParse(PhpSerialized.Scalar(thumbnail), out var attachmentId)
            && run.Catalog.Attachments.TryGetValue(attachmentId, out var attachment))
        {
            var url = media.Resolve(attachment.Url);
            if (url is null && imageOrigins.IsAllowed(attachment.Url))
            {
                url = attachment.Url;
            }

            if (url is not null && url.Length <= FieldLengths.ImageUrl)
            {
                article.HeroImageUrl = url;
                article.HeroImageAlt = ImportWordPressExport.Cut(WordPressContent.PlainText(attachment.Alt is { Length: > 0 } alt ? alt : attachment.Title), FieldLengths.ImageAlt);
                article.HeroImageCaption = attachment.Caption is { } caption ? ImportWordPressExport.Cut(WordPressContent.PlainText(caption), FieldLengths.ImageCaption) : null;
                notes.Add("with a featured image as hero");
            }
            else
            {
                notes.Add("featured images left out (on a site not in Content:ImageOrigins; import with --media to bring them)");
            }
        }

        return article;
    }

    /// <summary>A comment as it will be stored: its status from WordPress's approval, its text cleaned and sanitized.</summary>
    public Comment NewComment(ImportBatchWriter run, WxrItem item, WxrComment source)
    {
        var status = source.Approved switch
        {
            "1" or "approve" => CommentStatus.Approved,
            "0" or "hold" => CommentStatus.Pending,
            "spam" => CommentStatus.Spam,
            "trash" or "post-trashed" => CommentStatus.Trash,
            _ => CommentStatus.Pending,
        };
        var name = ImportWordPressExport.Cut(CommentText.CleanName(WordPressContent.PlainText(source.Author)), FieldLengths.CommentName);
        var body = _comments.Sanitize(CommentText.CleanBody(source.Content));
        return new Comment
        {
            AuthorName = name.Length > 0 ? name : "Anonymous",
            AuthorEmail = ImportWordPressExport.Cut(source.Email, FieldLengths.CommentEmail),
            BodyHtml = body.Length <= FieldLengths.CommentBodyHtml ? body : ImportWordPressExport.Cut(body, FieldLengths.CommentBodyHtml),
            Status = status,
            StatusReason = status == CommentStatus.Approved ? null : "Imported from WordPress",
            CreatedAt = WxrDates.Parse(source.DateGmt) ?? WxrDates.Parse(source.Date) ?? WxrDates.Parse(item.PostDateGmt) ?? run.Now,
            IpAddress = source.Ip.Length is > 0 and <= FieldLengths.IpAddress ? source.Ip : null,
        };
    }

    /// <summary>
    /// Article addresses follow the editor's rule (ASCII letters, digits, hyphens): the WordPress slug transliterated
    /// ("caf%c3%a9" becomes "cafe"), else one from the title, else post-{id}. The old permalink answers 301 to it.
    /// </summary>
    private static string ArticleSlug(WxrItem item)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(item.PostName);
        }
        catch (UriFormatException)
        {
            decoded = item.PostName;
        }

        var slug = Slugs.From(decoded);
        slug = slug.Length > 0 ? slug : Slugs.From(WordPressContent.PlainText(item.Title));
        return slug.Length > 0 ? slug : $"post-{item.Id}";
    }

    private static string FirstWords(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }
}

/// <summary>A post and its comments converted, with what was noticed on the way (counted only when the post is written).</summary>
internal sealed class ConvertedPost(int comments)
{
    public Article Article { get; set; } = null!;

    /// <summary>By position in the post's comments; null for pingbacks and trackbacks.</summary>
    public Comment?[] Comments { get; } = new Comment?[comments];

    public List<string> Notes { get; } = [];

    public ContentTally Content { get; } = new();
}
