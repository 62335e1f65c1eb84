namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>Local ids for the export's logins and term slugs (as exported), and each category's local slug.</summary>
public sealed class ImportedPeople
{
    public Dictionary<string, int> Authors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> Categories { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> Tags { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Categories as tags: a post's second and later categories.</summary>
    public Dictionary<string, int> CategoryTags { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed partial class ImportWordPressExport
{
    /// <summary>
    /// Bylines from authors (display names; an existing byline with the same slug is reused, not duplicated),
    /// sections from categories and tags from tags (slugs as WordPress had them, percent-decoded; names as written),
    /// each with its key and its old address, in one transaction.
    /// </summary>
    private static async Task<ImportedPeople> ImportPeopleAndTermsAsync(ImportBatchWriter run, CancellationToken cancellationToken)
    {
        var people = new ImportedPeople();
        var catalog = run.Catalog;
        var db = run.Db;
        var summary = run.Summary;
        await run.InBatchAsync(async () => await WriteAsync(), cancellationToken);
        if (run.Request.DryRun)
        {
            await WriteAsync();
        }

        return people;

        async Task WriteAsync()
        {
            var pending = new List<(string Kind, string Key, object Entity, string? OldPath)>();
            await MapAsync("author", catalog.Authors.Values.Select(a => (a.Login, a.DisplayName, (string?)$"/author/{AuthorPath(a.Login)}")), people.Authors,
                async (slug, name) => await db.Authors.Where(a => a.Slug == slug).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken),
                (slug, name) => new Author { Name = Cut(name, FieldLengths.AuthorName), Slug = slug });
            var categories = catalog.Categories.Values.ToList();
            if (categories.Count == 0 || catalog.Posts > 0)
            {
                // A post without a category still needs a section; WordPress calls its default "Uncategorized".
                categories.Add(new WxrTerm(WxrTaxonomy.Category, "uncategorized", "Uncategorized", null));
            }

            await MapAsync("category", categories.DistinctBy(c => c.Slug, StringComparer.OrdinalIgnoreCase).Select(c => (c.Slug, c.Name, (string?)$"/category/{CategoryPath(c)}")), people.Categories,
                async (slug, name) => await db.Categories.Where(c => c.Slug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken),
                (slug, name) => new Category { Name = Cut(name, FieldLengths.CategoryName), Slug = slug, Position = 1000 });
            await MapAsync("tag", catalog.Tags.Values.Select(t => (t.Slug, t.Name, (string?)$"/tag/{Uri.UnescapeDataString(t.Slug)}")), people.Tags,
                async (slug, name) => await db.Tags.Where(t => t.Slug == slug).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken),
                (slug, name) => new Tag { Name = Cut(name, FieldLengths.TagName), Slug = slug });
            await MapAsync("category-tag", catalog.CategoriesAsTags.Select(s => catalog.Categories[s]).Select(c => (c.Slug, c.Name, (string?)null)), people.CategoryTags,
                async (slug, name) => await db.Tags.Where(t => t.Slug == slug).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken),
                (slug, name) => new Tag { Name = Cut(name, FieldLengths.TagName), Slug = slug });

            if (run.Request.DryRun)
            {
                return;
            }

            await db.SaveChangesAsync(cancellationToken);
            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (kind, key, entity, oldPath) in pending)
            {
                var id = entity switch
                {
                    Author a => a.Id,
                    Category c => c.Id,
                    Tag t => t.Id,
                    Placeholder p => p.Id,
                    _ => 0,
                };
                db.ImportedItems.Add(run.Key(kind, key, id));
                var dictionary = kind switch
                {
                    "author" => people.Authors,
                    "category" => people.Categories,
                    "tag" => people.Tags,
                    _ => people.CategoryTags,
                };
                dictionary[key] = id;
                if (oldPath is not null && LegacyPaths.Normalize(catalog.BlogPath + oldPath) is { } path && paths.Add(path)
                    && !await db.LegacyAddresses.AnyAsync(a => a.Path == path, cancellationToken))
                {
                    db.LegacyAddresses.Add(new LegacyAddress
                    {
                        Path = path,
                        Kind = kind switch { "author" => LegacyTarget.Author, "category" => LegacyTarget.Category, _ => LegacyTarget.Tag },
                        TargetId = id,
                    });
                }
            }

            await db.SaveChangesAsync(cancellationToken);

            async Task MapAsync(
                string kind, IEnumerable<(string Key, string Name, string? OldPath)> items, Dictionary<string, int> map,
                Func<string, string, Task<int?>> existing, Func<string, string, object> create)
            {
                var list = items.Where(i => i.Key.Length > 0).ToList();
                var known = await run.KnownAsync(kind, [.. list.Select(i => i.Key)], cancellationToken);
                var takenHere = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (key, rawName, oldPath) in list)
                {
                    var counts = summary.Of(Plural(kind));
                    if (known.TryGetValue(key, out var id))
                    {
                        map[key] = id;
                        counts.AlreadyImported++;
                        continue;
                    }

                    var name = WordPressContent.PlainText(rawName);
                    name = name.Length > 0 ? name : key;
                    var slug = LocalSlug(key, name, kind);
                    var found = takenHere.Contains(slug) || run.Request.SchemaMissing ? null : await existing(slug, name);
                    if (found is { } existingId)
                    {
                        // The site already has it (a section or byline made by hand before the import): use it.
                        map[key] = existingId;
                        counts.Note("matched to existing by slug");
                        if (!run.Request.DryRun)
                        {
                            pending.Add((kind, key, new Placeholder(existingId), oldPath));
                        }

                        continue;
                    }

                    while (!takenHere.Add(slug))
                    {
                        slug = Cut($"{slug}-{takenHere.Count}", FieldLengths.Slug);
                    }

                    counts.Imported++;
                    map[key] = 0;
                    if (!run.Request.DryRun)
                    {
                        var entity = create(slug, name);
                        db.Add(entity);
                        pending.Add((kind, key, entity, oldPath));
                    }
                }
            }
        }

        string CategoryPath(WxrTerm category)
        {
            // A child category's WordPress address carries its parents: /category/world/europe/.
            var parts = new List<string> { Uri.UnescapeDataString(category.Slug) };
            var parent = category.ParentSlug;
            for (var depth = 0; parent is not null && depth < 10 && catalog.Categories.TryGetValue(parent, out var up); depth++)
            {
                parts.Insert(0, Uri.UnescapeDataString(up.Slug));
                parent = up.ParentSlug;
            }

            return string.Join('/', parts);
        }
    }

    /// <summary>WordPress's author base uses the user's nicename: the login, lowercased, with spaces and dots as hyphens.</summary>
    private static string AuthorPath(string login) =>
        login.Trim().ToLowerInvariant().Replace(' ', '-').Replace('.', '-').Replace('@', '-');

    private static string Plural(string kind) => kind switch
    {
        "author" => "authors (bylines)",
        "category" => "categories (sections)",
        "category-tag" => "categories also used as tags (a post's second and later categories)",
        _ => "tags",
    };

    /// <summary>
    /// The slug as WordPress had it (percent-decoded, lowercase; non-ASCII kept, so /tag/новости stays itself) when it
    /// is a clean URL segment; otherwise one made from the name.
    /// </summary>
    internal static string LocalSlug(string raw, string name, string kind)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(raw).Trim().ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            decoded = string.Empty;
        }

        if (decoded.Length is > 0 and <= FieldLengths.Slug && decoded.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') && !decoded.Contains('\uFFFD'))
        {
            return decoded;
        }

        var made = Slugs.From(name);
        return made.Length > 0 ? made : Slugs.From($"{kind}-{raw}") is { Length: > 0 } fallback ? fallback : kind;
    }

    internal static string Cut(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();

    private sealed record Placeholder(int Id);
}
