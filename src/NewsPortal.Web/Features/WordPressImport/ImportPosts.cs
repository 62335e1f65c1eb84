using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.WordPressImport;

public sealed partial class ImportWordPressExport
{
    /// <summary>Streams the posts again, a batch at a time; only the current batch is ever in memory.</summary>
    private async Task ImportPostsAsync(ImportBatchWriter run, ImportedPeople people, MediaMap media, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var total = run.Catalog.Posts + run.Catalog.Comments;
        var done = 0L;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<WxrItem>();
        var rows = 0;
        progress?.Invoke(new ImportProgress("Posts and comments", 0, total));
        using var reader = WxrReader.Open(run.Request.ExportPath);
        foreach (var node in reader.Read())
        {
            if (node is not WxrItem { PostType: "post" } item)
            {
                continue;
            }

            batch.Add(item);
            rows += 1 + item.Comments.Count;
            if (rows >= run.Request.BatchSize)
            {
                await WritePostsAsync(run, people, media, batch, slugs, cancellationToken);
                done += rows;
                progress?.Invoke(new ImportProgress("Posts and comments", done, total));
                batch.Clear();
                rows = 0;
            }
        }

        if (batch.Count > 0)
        {
            await WritePostsAsync(run, people, media, batch, slugs, cancellationToken);
            done += rows;
            progress?.Invoke(new ImportProgress("Posts and comments", done, total));
        }
    }

    private async Task WritePostsAsync(
        ImportBatchWriter run, ImportedPeople people, MediaMap media, List<WxrItem> items, HashSet<string> slugs, CancellationToken cancellationToken)
    {
        var db = run.Db;
        var summary = run.Summary;
        var posts = summary.Of("posts");
        var commentCounts = summary.Of("comments");
        var knownPosts = await run.KnownAsync("post", [.. items.Select(i => Key(i.Id))], cancellationToken);
        var commentKeys = items.SelectMany(i => i.Comments).SelectMany(c => new[] { Key(c.Id), Key(c.Parent) }).ToList();
        var knownComments = await run.KnownAsync("comment", commentKeys, cancellationToken);

        // Everything for the batch is decided first (content converted, slugs chosen), then written in one go.
        var newPosts = new List<(WxrItem Item, Article Article, List<string> Paths)>();
        var newComments = new List<(WxrComment Source, Comment Comment)>();
        var candidateSlugs = new List<string>();
        foreach (var item in items)
        {
            var status = item.Status;
            if (status is "trash" or "auto-draft" or "inherit")
            {
                posts.Skip(status == "trash" ? "in the trash" : $"status {status}");
                commentCounts.Note("skipped with their post", item.Comments.Count);
                continue;
            }

            Article? article = null;
            int? articleId = null;
            if (knownPosts.TryGetValue(Key(item.Id), out var known))
            {
                posts.AlreadyImported++;
                articleId = known;
            }
            else
            {
                article = NewArticle(run, item, people, media);
                posts.Imported++;
                var paths = new List<string>();
                if (!string.IsNullOrEmpty(item.Link) && Uri.TryCreate(item.Link, UriKind.Absolute, out var link)
                    && LegacyPaths.Normalize(link.AbsolutePath) is { } path && path != "/" && !link.Query.Contains("p=", StringComparison.Ordinal))
                {
                    paths.Add(path);
                }

                paths.Add(LegacyPaths.PostQuery(item.Id));
                newPosts.Add((item, article, paths));
                candidateSlugs.Add(article.Slug);
            }

            var byId = new Dictionary<long, Comment>();
            foreach (var source in item.Comments)
            {
                if (source.Type is "pingback" or "trackback")
                {
                    commentCounts.Skip($"{source.Type}s");
                    continue;
                }

                if (knownComments.ContainsKey(Key(source.Id)))
                {
                    commentCounts.AlreadyImported++;
                    continue;
                }

                var comment = NewComment(run, item, source, commentCounts);
                if (article is not null)
                {
                    comment.Article = article;
                }
                else
                {
                    comment.ArticleId = articleId!.Value;
                }

                byId[source.Id] = comment;
                newComments.Add((source, comment));
                commentCounts.Imported++;
            }

            // Threads: by id, after every comment of the post is known, so a reply written before its parent in the
            // file still finds it. A parent from an earlier run is linked by its key; one nowhere becomes top level.
            foreach (var source in item.Comments.Where(c => c.Parent != 0 && byId.ContainsKey(c.Id)))
            {
                var comment = byId[source.Id];
                if (byId.TryGetValue(source.Parent, out var parent) && !CreatesCycle(byId, source, item))
                {
                    comment.Parent = parent;
                }
                else if (knownComments.TryGetValue(Key(source.Parent), out var parentId))
                {
                    comment.ParentId = parentId;
                }
                else
                {
                    commentCounts.Note("replies whose parent is not in the export, made top-level");
                }
            }
        }

        if (run.Request.DryRun)
        {
            return;
        }

        // Slugs already on the site (another story, an earlier import of another site) get the WordPress id appended.
        var taken = await db.Articles.AsNoTracking().Where(a => candidateSlugs.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(cancellationToken);
        slugs.UnionWith(taken);
        var legacyCandidates = newPosts.SelectMany(p => p.Paths).ToList();
        var existingPaths = new HashSet<string>(
            await db.LegacyAddresses.AsNoTracking().Where(a => legacyCandidates.Contains(a.Path)).Select(a => a.Path).ToListAsync(cancellationToken),
            StringComparer.Ordinal);
        foreach (var (item, article, _) in newPosts)
        {
            var slug = article.Slug;
            for (var n = 1; !slugs.Add(slug); n++)
            {
                var suffix = n == 1 ? $"-{item.Id}" : $"-{item.Id}-{n}";
                slug = Cut(article.Slug, FieldLengths.Slug - suffix.Length) + suffix;
            }

            article.Slug = slug;
        }

        await run.InBatchAsync(
            async () =>
            {
                var tagStubs = new Dictionary<int, Tag>();
                foreach (var (item, article, _) in newPosts)
                {
                    db.Articles.Add(article);
                    foreach (var tagId in TagIds(item, people).Distinct())
                    {
                        if (!tagStubs.TryGetValue(tagId, out var tag))
                        {
                            tag = new Tag { Id = tagId, Name = string.Empty, Slug = string.Empty };
                            db.Tags.Attach(tag);
                            tagStubs[tagId] = tag;
                        }

                        article.Tags.Add(tag);
                    }
                }

                foreach (var (_, comment) in newComments)
                {
                    db.Comments.Add(comment);
                }

                await db.SaveChangesAsync(cancellationToken);
                foreach (var (item, article, paths) in newPosts)
                {
                    db.ImportedItems.Add(run.Key("post", Key(item.Id), article.Id));
                    foreach (var path in paths.Where(existingPaths.Add))
                    {
                        db.LegacyAddresses.Add(new LegacyAddress { Path = path, Kind = LegacyTarget.Article, TargetId = article.Id });
                    }
                }

                foreach (var (source, comment) in newComments)
                {
                    db.ImportedItems.Add(run.Key("comment", Key(source.Id), comment.Id));
                }

                await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken);
    }

    private static bool CreatesCycle(Dictionary<long, Comment> byId, WxrComment source, WxrItem item)
    {
        var parents = item.Comments.ToDictionary(c => c.Id, c => c.Parent);
        var seen = new HashSet<long> { source.Id };
        for (var at = source.Parent; at != 0 && byId.ContainsKey(at); at = parents.GetValueOrDefault(at))
        {
            if (!seen.Add(at))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<int> TagIds(WxrItem item, ImportedPeople people)
    {
        foreach (var term in item.Terms.Where(t => t.Taxonomy == WxrTaxonomy.Category).Skip(1))
        {
            if (people.CategoryTags.TryGetValue(term.Slug, out var id))
            {
                yield return id;
            }
        }

        foreach (var term in item.Terms.Where(t => t.Taxonomy == WxrTaxonomy.Tag))
        {
            if (people.Tags.TryGetValue(term.Slug, out var id))
            {
                yield return id;
            }
        }
    }

    private Article NewArticle(ImportBatchWriter run, WxrItem item, ImportedPeople people, MediaMap media)
    {
        var posts = run.Summary.Of("posts");
        var gmt = WxrDates.Parse(item.PostDateGmt);
        var local = WxrDates.Parse(item.PostDate);
        var when = gmt ?? local;
        if (gmt is null && local is not null && item.Status is "publish" or "future")
        {
            posts.Note("without a GMT date, their local time taken as UTC");
        }

        var (status, publishedAt) = item.Status switch
        {
            "publish" => (ArticleStatus.Published, when ?? run.Now),
            "future" => (ArticleStatus.Scheduled, (DateTime?)(when ?? run.Now)),
            _ => (ArticleStatus.Draft, (DateTime?)null),
        };
        if (item.Status is "draft" or "pending" or "private")
        {
            posts.Note($"{item.Status} as drafts");
        }
        else if (item.Status == "future")
        {
            posts.Note("scheduled");
        }

        var categories = item.Terms.Where(t => t.Taxonomy == WxrTaxonomy.Category).ToList();
        if (categories.Count > 1)
        {
            posts.Note("in several categories: the first is the section, the others became tags");
        }

        var categoryId = categories.Count > 0 && people.Categories.TryGetValue(categories[0].Slug, out var c) ? c : people.Categories.GetValueOrDefault("uncategorized");
        var authorId = item.Creator is { } login && people.Authors.TryGetValue(login, out var a) ? a : people.Authors.Values.FirstOrDefault();
        var body = _content.ToArticleHtml(item.Content, media.Resolve, run.Summary.Content);
        var headline = Cut(WordPressContent.PlainText(item.Title), FieldLengths.Headline);
        var standfirst = WordPressContent.PlainText(item.Excerpt);
        if (standfirst.Length == 0)
        {
            standfirst = FirstWords(WordPressContent.PlainText(body), 300);
        }

        var article = new Article
        {
            Slug = ArticleSlug(item),
            Headline = headline.Length > 0 ? headline : "(untitled)",
            Standfirst = Cut(standfirst, FieldLengths.Standfirst),
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
            posts.Note("with comments closed (kept closed)");
        }

        if (item.Meta.TryGetValue("_thumbnail_id", out var thumbnail)
            && long.TryParse(PhpSerialized.Scalar(thumbnail), out var attachmentId)
            && run.Catalog.Attachments.TryGetValue(attachmentId, out var attachment))
        {
            var url = media.Resolve(attachment.Url);
            if (url is null && _imageOrigins.IsAllowed(attachment.Url))
            {
                url = attachment.Url;
            }

            if (url is not null && url.Length <= FieldLengths.ImageUrl)
            {
                article.HeroImageUrl = url;
                article.HeroImageAlt = Cut(WordPressContent.PlainText(attachment.Alt is { Length: > 0 } alt ? alt : attachment.Title), FieldLengths.ImageAlt);
                article.HeroImageCaption = attachment.Caption is { } caption ? Cut(WordPressContent.PlainText(caption), FieldLengths.ImageCaption) : null;
                posts.Note("with a featured image as hero");
            }
            else
            {
                posts.Note("featured images left out (on a site not in Content:ImageOrigins; import with --media to bring them)");
            }
        }

        return article;
    }

    private Comment NewComment(ImportBatchWriter run, WxrItem item, WxrComment source, ImportSummary.Counts counts)
    {
        var status = source.Approved switch
        {
            "1" or "approve" => CommentStatus.Approved,
            "0" or "hold" => CommentStatus.Pending,
            "spam" => CommentStatus.Spam,
            "trash" or "post-trashed" => CommentStatus.Trash,
            _ => CommentStatus.Pending,
        };
        counts.Note(status switch
        {
            CommentStatus.Approved => "published",
            CommentStatus.Pending => "pending moderation",
            CommentStatus.Spam => "spam",
            _ => "in the trash",
        });
        var name = Cut(CommentText.CleanName(WordPressContent.PlainText(source.Author)), FieldLengths.CommentName);
        var body = _comments.Sanitize(CommentText.CleanBody(source.Content));
        return new Comment
        {
            AuthorName = name.Length > 0 ? name : "Anonymous",
            AuthorEmail = Cut(source.Email, FieldLengths.CommentEmail),
            BodyHtml = body.Length <= FieldLengths.CommentBodyHtml ? body : Cut(body, FieldLengths.CommentBodyHtml),
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

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
