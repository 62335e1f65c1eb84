namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// What one batch of posts adds, all decided before anything is written: the posts no earlier run imported (converted,
/// with their old addresses), their comments and those added since an earlier run (a delta import), linked into
/// threads and ordered parents first; the summary counted. Only the keys of what is already imported are read.
/// </summary>
internal sealed class PostBatch
{
    private PostBatch()
    {
    }

    /// <summary>New posts, each with the old paths that should answer 301 to it.</summary>
    public List<(WxrItem Item, Article Article, List<string> Paths)> Posts { get; } = [];

    public List<(WxrComment Source, Comment Comment)> Comments { get; } = [];

    /// <summary>Posts and comments in the order they are saved: a post before its comments, a parent before its replies.</summary>
    public List<Row> Rows { get; } = [];

    /// <summary>The slugs the new posts would like, before those already taken are made unique.</summary>
    public List<string> CandidateSlugs { get; } = [];

    /// <summary>How many posts and comments the batch adds (or would add, in a dry run).</summary>
    public long Count => Posts.Count + Comments.Count;

    public static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsSkipped(WxrItem item) => item.Status is "trash" or "auto-draft" or "inherit";

    public static async Task<PostBatch> PlanAsync(
        ImportBatchWriter run, PostConverter converter, ImportedPeople people, MediaMap media, List<PostToWrite> items, CancellationToken cancellationToken)
    {
        var summary = run.Summary;
        var posts = summary.Of("posts");
        var commentCounts = summary.Of("comments");
        var knownPosts = await run.KnownAsync("post", [.. items.Select(i => Key(i.Item.Id))], cancellationToken);
        var commentKeys = items.SelectMany(i => i.Item.Comments).SelectMany(c => new[] { Key(c.Id), Key(c.Parent) }).ToList();
        var knownComments = await run.KnownAsync("comment", commentKeys, cancellationToken);

        var batch = new PostBatch();
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
                converted = ahead ?? converter.Convert(run, item, people, media);
                article = converted.Article;
                foreach (var note in converted.Notes)
                {
                    posts.Note(note);
                }

                summary.Content.Add(converted.Content);
                batch.AddPost(item, article);
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
                var comment = converted?.Comments[i] ?? converter.NewComment(run, item, source);
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

            LinkThreads(item, byId, knownComments, commentCounts);
            batch.AddParentsFirst(item, byId, sources);
        }

        posts.Imported += batch.Posts.Count;
        commentCounts.Imported += batch.Comments.Count;
        return batch;
    }

    private void AddPost(WxrItem item, Article article)
    {
        var paths = new List<string>();
        if (!string.IsNullOrEmpty(item.Link) && Uri.TryCreate(item.Link, UriKind.Absolute, out var link)
            && LegacyPaths.Normalize(link.AbsolutePath) is { } path && path != "/" && !link.Query.Contains("p=", StringComparison.Ordinal))
        {
            paths.Add(path);
        }

        paths.Add(LegacyPaths.PostQuery(item.Id));
        Posts.Add((item, article, paths));
        CandidateSlugs.Add(article.Slug);
        Rows.Add(new Row(item, article, null, null));
    }

    /// <summary>
    /// Threads: by id, after every comment of the post is known, so a reply written before its parent in the file
    /// still finds it. A parent from an earlier run is linked by its key; one nowhere becomes top level.
    /// </summary>
    private static void LinkThreads(WxrItem item, Dictionary<long, Comment> byId, Dictionary<string, int> knownComments, ImportSummary.Counts commentCounts)
    {
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
    }

    /// <summary>Parents before their replies, so a save of part of the batch never holds a reply without its parent.</summary>
    private void AddParentsFirst(WxrItem item, Dictionary<long, Comment> byId, Dictionary<long, WxrComment> sources)
    {
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
                Comments.Add((chain[i], byId[chain[i].Id]));
                Rows.Add(new Row(item, null, chain[i], byId[chain[i].Id]));
            }
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

    /// <summary>A post to add, or one of its comments (then <see cref="Article"/> is null).</summary>
    public readonly record struct Row(WxrItem Post, Article? Article, WxrComment? Source, Comment? Comment);
}
