namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// Writes a <see cref="PostBatch"/> as one transaction: its posts under slugs made unique against the site's, with
/// their tags and old addresses, its comments threaded, and the <see cref="ImportedItem"/> key of each.
/// </summary>
internal static class SavePostBatch
{
    /// <summary>
    /// Rows a save holds (all saves of a batch share its one transaction). One save of a whole batch built commands of
    /// a thousand statements and ten thousand parameters, large objects that forced full collections, and
    /// Microsoft.Data.Sqlite looks a command's parameters up again for each of its statements; saving a hundred rows
    /// at a time cut the benchmark's full collections by three quarters and its time in collections by two thirds.
    /// </summary>
    private const int RowsPerSave = 100;

    /// <param name="slugs">The slugs this import has given so far (it grows with each batch).</param>
    public static async Task SaveAsync(ImportBatchWriter run, PostBatch batch, ImportedPeople people, HashSet<string> slugs, CancellationToken cancellationToken)
    {
        var db = run.Db;
        var newPosts = batch.Posts;

        // Slugs already on the site (another story, an earlier import of another site) get the WordPress id appended.
        var candidateSlugs = batch.CandidateSlugs;
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
                slug = ImportWordPressExport.Cut(article.Slug, FieldLengths.Slug - suffix.Length) + suffix;
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
                    Reset(db, batch, tagIds);
                    foreach (var chunk in batch.Rows.Chunk(RowsPerSave))
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
                                db.ImportedItems.Add(run.Key("post", PostBatch.Key(row.Post.Id), article.Id));
                                db.LegacyAddresses.AddRange(oldAddresses[article].Select(path => new LegacyAddress { Path = path, Kind = LegacyTarget.Article, TargetId = article.Id }));
                            }
                            else
                            {
                                db.ImportedItems.Add(run.Key("comment", PostBatch.Key(row.Source!.Id), row.Comment!.Id));
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
    }

    /// <summary>
    /// The batch's entities as if never saved (a retried transaction left ids and links on them), each post given
    /// its tags as stubs of rows already there.
    /// </summary>
    private static void Reset(Data.NewsDbContext db, PostBatch batch, List<List<int>> tagIds)
    {
        var tagStubs = new Dictionary<int, Tag>();
        for (var i = 0; i < batch.Posts.Count; i++)
        {
            var article = batch.Posts[i].Article;
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

        foreach (var (_, comment) in batch.Comments)
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
    }

    /// <summary>A post's tags: its categories after the first (the section), and its tags.</summary>
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
}
