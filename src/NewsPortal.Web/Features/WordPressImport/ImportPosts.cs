using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.WordPressImport;

public sealed partial class ImportWordPressExport
{
    /// <summary>
    /// Streams the posts again, a batch at a time. A reading task parses the file and converts each post and its
    /// comments (content rules, sanitizers: the CPU-heavy part) while this one writes the previous batch, so the two
    /// overlap on two cores; a bounded hand-over of one batch keeps at most three batches in memory. Converting ahead
    /// is a guess that the post is new: when most of the last batch was already imported (a second run), the reader
    /// stops guessing and the writer converts only what it finds new.
    /// </summary>
    private async Task ImportPostsAsync(ImportBatchWriter run, ImportedPeople people, MediaMap media, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var total = run.Catalog.Posts + run.Catalog.Comments;
        var done = 0L;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        progress?.Invoke(new ImportProgress("Posts and comments", 0, total));
        var batches = Channel.CreateBounded<List<PostToWrite>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var lookAhead = new LookAhead();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadBatchesAsync(run, people, media, batches.Writer, lookAhead, stop.Token), CancellationToken.None);
        try
        {
            await using var connection = await run.HoldConnectionAsync(cancellationToken);
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                var rows = batch.Sum(p => 1L + p.Item.Comments.Count);
                var fresh = await WritePostsAsync(run, people, media, batch, slugs, cancellationToken);
                lookAhead.Enabled = fresh * 2 >= rows;
                done += rows;
                progress?.Invoke(new ImportProgress("Posts and comments", done, total));
            }
        }
        finally
        {
            // The reader never throws: what goes wrong there completes the hand-over with the error, rethrown above.
            await stop.CancelAsync();
            await reading;
        }
    }

    private async Task ReadBatchesAsync(
        ImportBatchWriter run, ImportedPeople people, MediaMap media, ChannelWriter<List<PostToWrite>> batches, LookAhead lookAhead, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = WxrReader.Open(run.Request.ExportPath);
            var batch = new List<PostToWrite>();
            var rows = 0;
            foreach (var node in reader.Read())
            {
                if (node is not WxrItem { PostType: "post" } item)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var post = new PostToWrite(item);
                if (lookAhead.Enabled && !IsSkipped(item))
                {
                    post.Converted = Convert(run, item, people, media);
                }

                batch.Add(post);
                rows += 1 + item.Comments.Count;
                if (rows >= run.Request.BatchSize)
                {
                    await batches.WriteAsync(batch, cancellationToken);
                    batch = [];
                    rows = 0;
                }
            }

            if (batch.Count > 0)
            {
                await batches.WriteAsync(batch, cancellationToken);
            }

            batches.Complete();
        }
        catch (Exception ex)
        {
            batches.TryComplete(ex);
        }
    }

    private static bool IsSkipped(WxrItem item) => item.Status is "trash" or "auto-draft" or "inherit";

    /// <summary>A post and its comments as they will be stored; what was noted on the way is counted only when written.</summary>
    private ConvertedPost Convert(ImportBatchWriter run, WxrItem item, ImportedPeople people, MediaMap media)
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

    /// <returns>How many posts and comments the batch added (or would add, in a dry run).</returns>
    private async Task<long> WritePostsAsync(
        ImportBatchWriter run, ImportedPeople people, MediaMap media, List<PostToWrite> items, HashSet<string> slugs, CancellationToken cancellationToken)
    {
        var db = run.Db;
        var summary = run.Summary;
        var posts = summary.Of("posts");
        var commentCounts = summary.Of("comments");
        var knownPosts = await run.KnownAsync("post", [.. items.Select(i => Key(i.Item.Id))], cancellationToken);
        var commentKeys = items.SelectMany(i => i.Item.Comments).SelectMany(c => new[] { Key(c.Id), Key(c.Parent) }).ToList();
        var knownComments = await run.KnownAsync("comment", commentKeys, cancellationToken);

        // Everything for the batch is decided first (content converted, slugs chosen), then written in one go.
        var newPosts = new List<(WxrItem Item, Article Article, List<string> Paths)>();
        var newComments = new List<(WxrComment Source, Comment Comment)>();
        var rows = new List<Row>();
        var candidateSlugs = new List<string>();
        foreach (var (item, ahead) in items.Select(p => (p.Item, p.Converted)))
        {
            if (IsSkipped(item))
            {
                posts.Skip(item.Status == "trash" ? "in the trash" : $"status {item.Status}");
                commentCounts.Note("skipped with their post", item.Comments.Count);
                continue;
            }

            Article? article = null;
            int? articleId = null;
            ConvertedPost? converted = null;
            if (knownPosts.TryGetValue(Key(item.Id), out var known))
            {
                posts.AlreadyImported++;
                articleId = known;
            }
            else
            {
                converted = ahead ?? Convert(run, item, people, media);
                article = converted.Article;
                foreach (var note in converted.Notes)
                {
                    posts.Note(note);
                }

                Add(summary.Content, converted.Content);
                var paths = new List<string>();
                if (!string.IsNullOrEmpty(item.Link) && Uri.TryCreate(item.Link, UriKind.Absolute, out var link)
                    && LegacyPaths.Normalize(link.AbsolutePath) is { } path && path != "/" && !link.Query.Contains("p=", StringComparison.Ordinal))
                {
                    paths.Add(path);
                }

                paths.Add(LegacyPaths.PostQuery(item.Id));
                newPosts.Add((item, article, paths));
                candidateSlugs.Add(article.Slug);
                rows.Add(new Row(item, article, null, null));
            }

            var byId = new Dictionary<long, Comment>();
            var sources = new Dictionary<long, WxrComment>();
            for (var i = 0; i < item.Comments.Count; i++)
            {
                var source = item.Comments[i];
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

                // A comment added since an earlier run, on a post that run imported (a delta import), is converted here.
                var comment = converted?.Comments[i] ?? NewComment(run, item, source);
                commentCounts.Note(comment.Status switch
                {
                    CommentStatus.Approved => "published",
                    CommentStatus.Pending => "pending moderation",
                    CommentStatus.Spam => "spam",
                    _ => "in the trash",
                });
                if (article is not null)
                {
                    comment.Article = article;
                }
                else
                {
                    comment.ArticleId = articleId!.Value;
                }

                byId[source.Id] = comment;
                sources[source.Id] = source;
            }

            // Threads: by id, after every comment of the post is known, so a reply written before its parent in the
            // file still finds it. A parent from an earlier run is linked by its key; one nowhere becomes top level.
            var parents = item.Comments.Any(c => c.Parent != 0) ? item.Comments.DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => c.Parent) : null;
            foreach (var source in item.Comments.Where(c => c.Parent != 0 && byId.ContainsKey(c.Id)))
            {
                var comment = byId[source.Id];
                if (byId.TryGetValue(source.Parent, out var parent) && !CreatesCycle(byId, parents!, source))
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

            // Parents before their replies, so a save of part of the batch never holds a reply without its parent.
            var placed = new HashSet<long>();
            foreach (var source in sources.Values)
            {
                var chain = new List<WxrComment>();
                for (var at = source; at is not null && !placed.Contains(at.Id); at = byId[at.Id].Parent is null ? null : sources[at.Parent])
                {
                    placed.Add(at.Id);
                    chain.Add(at);
                }

                for (var i = chain.Count - 1; i >= 0; i--)
                {
                    newComments.Add((chain[i], byId[chain[i].Id]));
                    rows.Add(new Row(item, null, chain[i], byId[chain[i].Id]));
                }
            }
        }

        posts.Imported += newPosts.Count;
        commentCounts.Imported += newComments.Count;
        if (run.Request.DryRun)
        {
            return newPosts.Count + newComments.Count;
        }

        // Slugs already on the site (another story, an earlier import of another site) get the WordPress id appended.
        var taken = await db.Articles.AsNoTracking().Where(a => candidateSlugs.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(cancellationToken);
        slugs.UnionWith(taken);
        var legacyCandidates = newPosts.SelectMany(p => p.Paths).ToList();
        var existingPaths = new HashSet<string>(
            await db.LegacyAddresses.AsNoTracking().Where(a => legacyCandidates.Contains(a.Path)).Select(a => a.Path).ToListAsync(cancellationToken),
            StringComparer.Ordinal);
        var oldAddresses = new Dictionary<Article, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var (item, article, paths) in newPosts)
        {
            var slug = article.Slug;
            for (var n = 1; !slugs.Add(slug); n++)
            {
                var suffix = n == 1 ? $"-{item.Id}" : $"-{item.Id}-{n}";
                slug = Cut(article.Slug, FieldLengths.Slug - suffix.Length) + suffix;
            }

            article.Slug = slug;
            oldAddresses[article] = paths.Where(existingPaths.Add).ToList();
        }

        var tagIds = newPosts.Select(p => TagIds(p.Item, people).Distinct().ToList()).ToList();
        await run.InBatchAsync(
            async () =>
            {
                // Every row and link is set before it is added, so the change tracker need not compare snapshots of
                // thousands of entities on each save (the cost that dominated imports). A retried batch starts clean.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                try
                {
                    var tagStubs = new Dictionary<int, Tag>();
                    for (var i = 0; i < newPosts.Count; i++)
                    {
                        var article = newPosts[i].Article;
                        article.Id = 0;
                        article.Tags.Clear();
                        foreach (var tagId in tagIds[i])
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
                        comment.Id = 0;
                        if (comment.Article is not null)
                        {
                            comment.ArticleId = 0;
                        }

                        if (comment.Parent is not null)
                        {
                            comment.ParentId = null;
                        }
                    }

                    foreach (var chunk in rows.Chunk(RowsPerSave))
                    {
                        foreach (var row in chunk)
                        {
                            db.Add(row.Article ?? (object)row.Comment!);
                        }

                        await db.SaveChangesAsync(cancellationToken);
                        foreach (var row in chunk)
                        {
                            if (row.Article is { } article)
                            {
                                db.ImportedItems.Add(run.Key("post", Key(row.Post.Id), article.Id));
                                db.LegacyAddresses.AddRange(oldAddresses[article].Select(path => new LegacyAddress { Path = path, Kind = LegacyTarget.Article, TargetId = article.Id }));
                            }
                            else
                            {
                                db.ImportedItems.Add(run.Key("comment", Key(row.Source!.Id), row.Comment!.Id));
                            }
                        }

                        await db.SaveChangesAsync(cancellationToken);
                    }
                }
                finally
                {
                    db.ChangeTracker.AutoDetectChangesEnabled = true;
                }
            },
            cancellationToken);
        return newPosts.Count + newComments.Count;
    }

    private static void Add(ContentTally into, ContentTally from)
    {
        into.Captions += from.Captions;
        into.Embeds += from.Embeds;
        into.ImagesKept += from.ImagesKept;
        into.ImagesMoved += from.ImagesMoved;
        into.ImagesLinked += from.ImagesLinked;
        foreach (var (name, count) in from.ShortcodesRemoved)
        {
            into.ShortcodesRemoved[name] = into.ShortcodesRemoved.GetValueOrDefault(name) + count;
        }
    }

    private static bool CreatesCycle(Dictionary<long, Comment> byId, Dictionary<long, long> parents, WxrComment source)
    {
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

    /// <summary>
    /// Rows a save holds (all saves of a batch share its one transaction). One save of a whole batch built commands of
    /// a thousand statements and ten thousand parameters, large objects that forced full collections, and
    /// Microsoft.Data.Sqlite looks a command's parameters up again for each of its statements; saving a hundred rows
    /// at a time cut the benchmark's full collections by three quarters and its time in collections by two thirds.
    /// </summary>
    private const int RowsPerSave = 100;

    /// <summary>A post to add, or one of its comments (then <see cref="Article"/> is null).</summary>
    private readonly record struct Row(WxrItem Post, Article? Article, WxrComment? Source, Comment? Comment);

    /// <summary>One post on its way from the reader to the writer.</summary>
    private sealed class PostToWrite(WxrItem item)
    {
        public WxrItem Item { get; } = item;

        /// <summary>Made ahead by the reader, or null (then the writer converts it if it turns out to be new).</summary>
        public ConvertedPost? Converted { get; set; }
    }

    private sealed class ConvertedPost(int comments)
    {
        public Article Article { get; set; } = null!;

        /// <summary>By position in the post's comments; null for pingbacks and trackbacks.</summary>
        public Comment?[] Comments { get; } = new Comment?[comments];

        public List<string> Notes { get; } = [];

        public ContentTally Content { get; } = new();
    }

    /// <summary>Whether the reader converts ahead; set by the writer after each batch, read by the reader.</summary>
    private sealed class LookAhead
    {
        private volatile bool _enabled = true;

        public bool Enabled
        {
            get => _enabled;
            set => _enabled = value;
        }
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

    /// <summary>Touches nothing shared (it runs on the reading task): what it notices goes to <paramref name="notes"/> and <paramref name="content"/>.</summary>
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
            notes.Add("with comments closed (kept closed)");
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
                notes.Add("with a featured image as hero");
            }
            else
            {
                notes.Add("featured images left out (on a site not in Content:ImageOrigins; import with --media to bring them)");
            }
        }

        return article;
    }

    private Comment NewComment(ImportBatchWriter run, WxrItem item, WxrComment source)
    {
        var status = source.Approved switch
        {
            "1" or "approve" => CommentStatus.Approved,
            "0" or "hold" => CommentStatus.Pending,
            "spam" => CommentStatus.Spam,
            "trash" or "post-trashed" => CommentStatus.Trash,
            _ => CommentStatus.Pending,
        };
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
