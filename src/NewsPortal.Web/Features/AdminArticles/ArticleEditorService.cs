using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Database;
using NewsPortal.Web.Infrastructure.Sanitizing;
using NewsPortal.Web.Infrastructure.Security;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.AdminArticles;

public sealed record ArticleSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>Someone else saved after this editor opened the story: nothing was saved (Revisions/ArticleConflicts).</summary>
    public Revisions.ArticleConflict? Conflict { get; init; }

    public bool Succeeded => Errors.Count == 0 && Conflict is null;
}

/// <summary>The newsroom: list, write, publish, schedule and unpublish articles.</summary>
public sealed class ArticleEditorService
{
    public const int PageSize = 25;

    private readonly NewsDbContext _db;
    private readonly SiteClock _clock;
    private readonly ArticleSanitizer _sanitizer;
    private readonly ImageOrigins _imageOrigins;
    private readonly SqliteWriteGate _gate;
    private readonly Revisions.ArticleConflicts _conflicts;
    private readonly Revisions.RevisionRecorder _revisions;
    private readonly ArticleReview _review;

    public ArticleEditorService(
        NewsDbContext db, SiteClock clock, ArticleSanitizer sanitizer, ImageOrigins imageOrigins, SqliteWriteGate gate,
        Revisions.ArticleConflicts conflicts, Revisions.RevisionRecorder revisions, ArticleReview review)
    {
        _conflicts = conflicts;
        _revisions = revisions;
        _review = review;
        _db = db;
        _clock = clock;
        _sanitizer = sanitizer;
        _imageOrigins = imageOrigins;
        _gate = gate;
    }

    /// <summary>What an editor is told about an image from a site readers' browsers would not load it from.</summary>
    public static string ImageOriginMessage(ImageOrigins origins, string what) => origins.Origins.Count == 0
        ? $"{what} from other sites cannot be shown to readers. Use an image on this site (a path such as /images/articles/harbour.svg), or ask an administrator to add the image's site to Content:ImageOrigins."
        : $"{what} from other sites can only come from {string.Join(", ", origins.Origins)}. Use one of those or a path on this site, or ask an administrator to add the image's site to Content:ImageOrigins.";

    /// <summary>The query as the start of a slug (lower-case letters, digits and hyphens), or null when it cannot be one.</summary>
    internal static string? SlugPrefix(string query)
    {
        var lower = query.Trim().ToLowerInvariant();
        return lower.Length > 0 && lower.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') ? lower : null;
    }

    public async Task<ArticleListViewModel> ListAsync(ArticleStatus? status, string? search, int page, CancellationToken cancellationToken)
    {
        var articles = _db.Articles.AsNoTracking();
        if (status is { } s)
        {
            articles = articles.Where(a => a.Status == s);
        }

        var query = SearchService.Normalize(search);
        var kind = TotalKind.Exact;
        int total;
        List<int> ids;
        if (query.Length > 0 && _db.Database.IsSqlite())
        {
            (total, kind, page, ids) = await SqliteSearchPageAsync(status, SearchQuery.Parse(query), SlugPrefix(query), page, cancellationToken);
        }
        else
        {
            if (query.Length > 0)
            {
                // Words through the article index (headline, standfirst, body text, tags, section, byline; drafts too);
                // an address by its start (LIKE 'x%' uses the Slug index on SQL Server), so a pasted slug finds its article.
                var text = SearchQuery.Parse(query);
                var slug = SlugPrefix(query);
                var matches = IndexedSearch.MatchingArticles(_db, text);
                var start = $"{SearchService.EscapeLike(slug ?? string.Empty)}%";
                articles = (text.IsEmpty, slug is null) switch
                {
                    (true, true) => articles.Where(a => false),
                    (false, true) => articles.Where(a => matches.Contains(a.Id)),
                    (true, false) => articles.Where(a => EF.Functions.Like(a.Slug, start, "\\")),
                    _ => articles.Where(a => matches.Contains(a.Id) || EF.Functions.Like(a.Slug, start, "\\")),
                };
                var counted = await articles.OrderBy(a => a.Id).Select(a => a.Id).Take(Paging.SearchCountLimit + 1).CountAsync(cancellationToken);
                (total, kind, page) = Paging.Bounded(counted, page, PageSize);
            }
            else
            {
                total = await articles.CountAsync(cancellationToken);
                page = Paging.LastPageAtMost(page, total, PageSize);
            }

            // The page's ids first, walked along the (Status,) ListedAt index, then only those rows with their section and
            // pending count: sorting or projecting before paging would read the whole archive. A page past the end shows the last page.
            ids = await articles
                .OrderByDescending(a => a.ListedAt).ThenByDescending(a => a.Id)
                .Select(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);
        }

        var rows = ids.Count == 0 ? [] : await _db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new ArticleRow(a.Id, a.Slug, a.Headline, a.Status, a.PublishedAt, a.Category.Name,
                a.Comments.Count(c => c.Status == CommentStatus.Pending)))
            .ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var ordered = rows.OrderBy(r => position[r.Id]).ToList();
        return new ArticleListViewModel
        {
            Status = status,
            Search = query.Length > 0 ? query : null,
            Articles = new PagedList<ArticleRow>(ordered, page, PageSize, total) { TotalKind = kind },
        };
    }

    /// <summary>
    /// The newsroom's search on SQLite, in raw SQL because the plan matters: the matches are the article index's hits
    /// plus articles whose slug starts with the query (a range on the unique Slug index; SQLite's LIKE ignores case
    /// and cannot use it). They are counted up to <see cref="Paging.SearchCountLimit"/> + 1. Up to that many, the page is
    /// those rows sorted by ListedAt; past it ("river" matches a third of the archive) the (Status,) ListedAt index is
    /// walked in order and each article checked against the matches, which stops after a page (the <c>+</c> keeps
    /// SQLite from looking the matches up one by one and sorting them all).
    /// </summary>
    private async Task<(int Total, TotalKind Kind, int Page, List<int> Ids)> SqliteSearchPageAsync(
        ArticleStatus? status, SearchQuery text, string? slug, int page, CancellationToken cancellationToken)
    {
        if (text.IsEmpty && slug is null)
        {
            return (0, TotalKind.Exact, 1, []);
        }

        var matches = SqliteMatchesSql(!text.IsEmpty, slug is not null);
        object[] arguments = [text.IsEmpty ? string.Empty : text.ToFts5(), slug ?? string.Empty, (slug ?? string.Empty) + char.MaxValue, (int)(status ?? 0)];
        var countSql = SqliteCountSql(matches, status is not null);
        var counted = await _db.Database.SqlQueryRaw<int>(countSql, [.. arguments, Paging.SearchCountLimit + 1]).ToListAsync(cancellationToken);
        var (total, kind, shown) = Paging.Bounded(counted[0], page, PageSize);
        page = shown;
        if (total == 0)
        {
            return (0, kind, page, []);
        }

        var pageSql = SqlitePageSql(matches, status is not null, walkListedAt: kind == TotalKind.AtLeast);
        var ids = await _db.Database.SqlQueryRaw<int>(pageSql, [.. arguments, PageSize, (page - 1) * PageSize]).ToListAsync(cancellationToken);
        return (total, kind, page, ids);
    }

    /// <summary>The ids that match: {0} the FTS5 expression, {1} and {2} the slug range (the prefix and the prefix + U+FFFF).</summary>
    internal static string SqliteMatchesSql(bool text, bool slug) => string.Join(" UNION ", new[]
    {
        text ? "SELECT rowid AS Id FROM ArticleSearch WHERE ArticleSearch MATCH {0}" : null,
        slug ? "SELECT Id FROM Articles WHERE Slug >= {1} AND Slug < {2}" : null,
    }.OfType<string>());

    /// <summary>
    /// The matches counted up to {4}; with a status ({3}), each match's status is read from IX_Articles_Status
    /// (SQLite would otherwise read the article's row).
    /// </summary>
    internal static string SqliteCountSql(string matches, bool status) => status
        ? $"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ({matches}) AS m CROSS JOIN Articles AS a INDEXED BY IX_Articles_Status ON a.Id = m.Id " +
          "WHERE a.Status = {3} LIMIT {4})"
        : $"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ({matches}) LIMIT {{4}})";

    /// <summary>
    /// One page ({4} rows from {5}) by ListedAt. With <paramref name="walkListedAt"/> (more matches than are counted)
    /// the <c>+</c> keeps SQLite from driving the query from the matches: it walks the ListedAt index and stops after a page.
    /// </summary>
    internal static string SqlitePageSql(string matches, bool status, bool walkListedAt) =>
        $"SELECT a.Id AS Value FROM Articles AS a WHERE {(status ? "a.Status = {3} AND " : string.Empty)}{(walkListedAt ? "+a.Id" : "a.Id")} IN ({matches}) " +
        "ORDER BY a.ListedAt DESC, a.Id DESC LIMIT {4} OFFSET {5}";

    public async Task<ArticleEditorViewModel> NewAsync(CancellationToken cancellationToken) =>
        await WithChoicesAsync(new ArticleForm { CommentsOpen = true }, null, ArticleStatus.Draft, null, null, cancellationToken);

    public async Task<ArticleEditorViewModel?> EditAsync(int id, CancellationToken cancellationToken)
    {
        var article = await _db.Articles.AsNoTracking().Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var form = new ArticleForm
        {
            Headline = article.Headline,
            Slug = article.Slug,
            Standfirst = article.Standfirst,
            BodyHtml = article.BodyHtml,
            CategoryId = article.CategoryId,
            AuthorId = article.AuthorId,
            CoAuthorIds = await CoAuthorList.OfAsync(_db, article.Id, cancellationToken),
            Tags = string.Join(", ", article.Tags.OrderBy(t => t.Name).Select(t => t.Name)),
            HeroImageUrl = article.HeroImageUrl,
            HeroImageAlt = article.HeroImageAlt,
            HeroImageCaption = article.HeroImageCaption,
            CommentsOpen = article.CommentsOpen,
            PublishAt = article.PublishedAt is { } at ? _clock.ToLocal(at).DateTime : null,
            PublishAtOffset = article.PublishedAt is { } utc ? FormatOffset(_clock.ToLocal(utc).Offset) : null,
            OpenedAtVersion = article.EditVersion,
        };
        return await WithChoicesAsync(form, article.Id, article.Status, article.PublishedAt, article.Slug, cancellationToken);
    }

    /// <summary>The editor page again after a failed save, with what the editor typed.</summary>
    public async Task<ArticleEditorViewModel> AgainAsync(int? id, ArticleForm form, CancellationToken cancellationToken)
    {
        var current = id is { } existing
            ? await _db.Articles.AsNoTracking().Where(a => a.Id == existing).Select(a => new { a.Status, a.PublishedAt, a.Slug }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return await WithChoicesAsync(form, id, current?.Status ?? ArticleStatus.Draft, current?.PublishedAt, current?.Slug, cancellationToken);
    }

    /// <summary>
    /// Validates and saves. A changed slug of a published article leaves a 301 from the old URL. When another editor
    /// stores the same slug or a new tag between the checks and the save (a unique index says so), it looks again
    /// once: the slug is then reported as taken and the tag is the one just made.
    /// </summary>
    public async Task<ArticleSaveResult> SaveAsync(int? id, ArticleForm form, ArticleIntent intent, ArticleActor actor, CancellationToken cancellationToken)
    {
        try
        {
            return await SaveOnceAsync(id, form, intent, actor, cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            _db.ChangeTracker.Clear();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save of the story committed between this one's load and its write: looked at again, it is a conflict.
            _db.ChangeTracker.Clear();
        }

        try
        {
            return await SaveOnceAsync(id, form, intent, actor, cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            _db.ChangeTracker.Clear();
            return new(id, new Dictionary<string, string>
            {
                [string.Empty] = "Someone else saved a conflicting change at the same moment. Nothing was saved: check the form and save again.",
            });
        }
    }

    private async Task<ArticleSaveResult> SaveOnceAsync(int? id, ArticleForm form, ArticleIntent intent, ArticleActor actor, CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        var errors = new Dictionary<string, string>();
        Article? article = null;
        if (id is { } existing)
        {
            article = await _db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == existing, cancellationToken);
            if (article is null)
            {
                return new(null, new Dictionary<string, string> { [string.Empty] = "That article no longer exists." });
            }

            if (await _conflicts.FindAsync(article, form, intent, cancellationToken) is { } conflict)
            {
                return new(id, new Dictionary<string, string>()) { Conflict = conflict };
            }
        }

        var before = article is null ? null : Revisions.ArticleSnapshot.Of(article, await CoAuthorList.OfAsync(_db, article.Id, cancellationToken));

        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slugs.From(form.Headline!) : form.Slug.Trim();
        if (slug.Length == 0)
        {
            errors[nameof(ArticleForm.Slug)] = "Could not make a slug from the headline; please type one.";
        }
        else if (await _db.Articles.AnyAsync(a => a.Slug == slug && a.Id != (id ?? 0), cancellationToken)
                 || await _db.ArticleSlugRedirects.AnyAsync(r => r.OldSlug == slug && r.ArticleId != (id ?? 0), cancellationToken))
        {
            errors[nameof(ArticleForm.Slug)] = $"The address /news/{slug} is already used by another article. Choose another slug.";
        }

        if (!await _db.Categories.AnyAsync(c => c.Id == form.CategoryId, cancellationToken))
        {
            errors[nameof(ArticleForm.CategoryId)] = "Choose a section.";
        }

        if (!await _db.Authors.AnyAsync(a => a.Id == form.AuthorId, cancellationToken))
        {
            errors[nameof(ArticleForm.AuthorId)] = "Choose the author.";
        }

        await CoAuthorList.CheckAsync(_db, id, form, errors, cancellationToken);

        if (!string.IsNullOrWhiteSpace(form.HeroImageUrl) && !_imageOrigins.IsAllowed(form.HeroImageUrl))
        {
            errors[nameof(ArticleForm.HeroImageUrl)] = ImageOriginMessage(_imageOrigins, "Images");
        }

        if (!string.IsNullOrWhiteSpace(form.HeroImageUrl) && string.IsNullOrWhiteSpace(form.HeroImageAlt))
        {
            errors[nameof(ArticleForm.HeroImageAlt)] = "Describe the image for readers who cannot see it.";
        }

        DateTime? scheduledUtc = null;
        if (intent == ArticleIntent.Schedule)
        {
            if (form.PublishAt is not { } local)
            {
                errors[nameof(ArticleForm.PublishAt)] = "Choose when the article should appear.";
            }
            else if (ScheduledUtc(local, form.PublishAtOffset, out var problem) is { } utc)
            {
                scheduledUtc = utc;
                if (scheduledUtc <= now)
                {
                    errors[nameof(ArticleForm.PublishAt)] = "That time has passed. Choose a time in the future, or publish now.";
                }
            }
            else
            {
                errors[nameof(ArticleForm.PublishAt)] = problem!;
            }
        }

        var body = _sanitizer.Sanitize(form.BodyHtml!);
        if (_sanitizer.ImagesFromOtherSites(form.BodyHtml!) is [_, ..] foreign)
        {
            errors[nameof(ArticleForm.BodyHtml)] = $"{ImageOriginMessage(_imageOrigins, "Images in the body")} Not allowed: {string.Join(", ", foreign.Take(3))}.";
        }
        else if (string.IsNullOrWhiteSpace(CommentSanitizer.ToPlainText(body)) && !body.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            errors[nameof(ArticleForm.BodyHtml)] = "Nothing is left of the body once unsafe markup is removed.";
        }

        if (errors.Count > 0)
        {
            return new(id, errors);
        }

        var wasVisible = article?.IsVisibleAt(now) ?? false;
        var statusBefore = article?.Status;
        var slugChanged = article is not null && article.Slug != slug;
        if (article is null)
        {
            article = new Article { Slug = slug, Headline = form.Headline!, Standfirst = form.Standfirst!, BodyHtml = body, CreatedAt = now };
            _db.Articles.Add(article);
        }
        else if (article.Slug != slug)
        {
            if (wasVisible)
            {
                _db.ArticleSlugRedirects.Add(new ArticleSlugRedirect { OldSlug = article.Slug, Article = article, CreatedAt = now });
            }
        }

        article.Slug = slug;
        article.Headline = form.Headline!.Trim();
        article.Standfirst = form.Standfirst!.Trim();
        article.BodyHtml = body;
        article.CategoryId = form.CategoryId;
        article.AuthorId = form.AuthorId;
        article.HeroImageUrl = string.IsNullOrWhiteSpace(form.HeroImageUrl) ? null : form.HeroImageUrl.Trim();
        article.HeroImageAlt = article.HeroImageUrl is null ? null : form.HeroImageAlt?.Trim();
        article.HeroImageCaption = article.HeroImageUrl is null ? null : form.HeroImageCaption?.Trim();
        article.CommentsOpen = form.CommentsOpen;
        article.Tags = await TagsAsync(form.Tags, cancellationToken);
        await CoAuthorList.ApplyAsync(_db, article, form, cancellationToken);

        switch (intent)
        {
            case ArticleIntent.SaveDraft:
            case ArticleIntent.Unpublish:
                article.Status = ArticleStatus.Draft;
                break;
            case ArticleIntent.Publish:
                article.Status = ArticleStatus.Published;
                if (!wasVisible)
                {
                    article.PublishedAt = now;
                }

                break;
            case ArticleIntent.Schedule:
                article.Status = ArticleStatus.Scheduled;
                article.PublishedAt = scheduledUtc;
                break;
        }

        // Readers are told a story they could already read was updated only when the editor says the change is
        // substantive (a typo fixed is not news).
        if (wasVisible && article.IsVisibleAt(now) && form.SubstantiveChange)
        {
            article.UpdatedAt = now;
        }

        await _revisions.AddAsync(article, CoAuthorList.Chosen(form), before, form.KeepMine ? RevisionReason.KeptOverConflict : RevisionReason.Saved, null, cancellationToken);

        // Review state, history and the reporter's mail commit with the story.
        await _review.ApplyAsync(new ArticleSaving(article, statusBefore, intent, actor, form.ReviewNote), cancellationToken);

        // The reader cache hears of it from the save itself, after the commit.
        if (!slugChanged)
        {
            await _db.SaveChangesAsync(cancellationToken);
            return new(article.Id, new Dictionary<string, string>());
        }

        // An article taking back an address it redirects from (its own earlier slug) drops that redirect. The bulk
        // DELETE and the save commit together: a save that fails keeps the old address's 301. The DELETE is not seen
        // by the reader cache's interceptor; it needs no signal of its own, since the save changes the slug, which
        // the cache hears of when readers can see the article, and a redirect to an article readers cannot see is
        // never followed. One transaction, so: this process's turn to write on SQLite, and the retrying strategy on
        // SQL Server (changes are accepted only once the transaction has committed, so a retry saves them again).
        using (await _gate.EnterAsync(cancellationToken))
        {
            await _db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
                try
                {
                    await _db.ArticleSlugRedirects.Where(r => r.OldSlug == slug).ExecuteDeleteAsync(cancellationToken);
                    await _db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch
                {
                    // Said out loud, so the save's interceptors forget what they noted for this transaction.
                    await transaction.RollbackAsync(CancellationToken.None);
                    throw;
                }
            });
        }

        _db.ChangeTracker.AcceptAllChanges();
        return new(article.Id, new Dictionary<string, string>());
    }

    /// <summary>The article as readers would see it, whatever its status, for the preview page.</summary>
    public async Task<ArticleViewModel?> PreviewAsync(int id, CancellationToken cancellationToken)
    {
        var article = await _db.Articles.AsNoTracking().Where(a => a.Id == id).Select(ArticleQueryExtensions.ToViewModel).SingleOrDefaultAsync(cancellationToken);
        return article is null ? null : article with
        {
            Tags = await ArticleQueryExtensions.TagsOfAsync(_db, id, cancellationToken),
            Bylines = await ArticleQueryExtensions.BylinesOfAsync(_db, article, cancellationToken),
        };
    }

    /// <summary>
    /// The UTC instant of a wall-clock time of the site, or null with the reason: a time skipped when the clocks go
    /// forward does not exist, and one repeated when they go back needs the editor to say which of the two they mean.
    /// </summary>
    private DateTime? ScheduledUtc(DateTime local, string? chosenOffset, out string? problem)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var when = local.ToString("HH:mm 'on' dddd d MMMM yyyy", culture);
        if (_clock.SkippedHour(local) is { } gap)
        {
            problem = $"{when} does not exist in {_clock.TimeZone.Id}: the clocks go forward from {gap.Start.ToString("HH:mm", culture)} "
                      + $"to {gap.End.ToString("HH:mm", culture)}. Choose a time before {gap.Start.ToString("HH:mm", culture)} or from {gap.End.ToString("HH:mm", culture)}.";
            return null;
        }

        var offsets = _clock.AmbiguousOffsets(local);
        if (offsets.Count == 0)
        {
            problem = null;
            return TimeZoneInfo.ConvertTimeToUtc(local, _clock.TimeZone);
        }

        if (offsets.Where(o => FormatOffset(o) == chosenOffset?.Trim()).Cast<TimeSpan?>().FirstOrDefault() is { } chosen)
        {
            problem = null;
            return new DateTimeOffset(local, chosen).UtcDateTime;
        }

        problem = $"{when} happens twice in {_clock.TimeZone.Id}, because the clocks go back that night: first at UTC{FormatOffset(offsets[0])}, "
                  + $"then again an hour later at UTC{FormatOffset(offsets[^1])}. Choose which one you mean below.";
        return null;
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The two occurrences of a repeated publish time, for the editor to choose from; empty for any other time.</summary>
    private List<SelectListItem> PublishAtChoices(ArticleForm form)
    {
        if (form.PublishAt is not { } local || _clock.AmbiguousOffsets(local) is not { Count: > 0 } offsets)
        {
            return [];
        }

        var time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return offsets.Select((offset, i) => new SelectListItem(
            i == 0
                ? $"The first {time}, before the clocks go back (UTC{FormatOffset(offset)})"
                : $"The second {time}, after the clocks go back (UTC{FormatOffset(offset)})",
            FormatOffset(offset),
            FormatOffset(offset) == form.PublishAtOffset?.Trim())).ToList();
    }

    private async Task<List<Tag>> TagsAsync(string? text, CancellationToken cancellationToken)
    {
        var names = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Length > FieldLengths.TagName ? n[..FieldLengths.TagName] : n)
            .Where(n => Slugs.From(n).Length > 0)
            .DistinctBy(n => Slugs.From(n))
            .Take(20)
            .ToList();
        var slugs = names.Select(n => Slugs.From(n)).ToList();
        var existing = await _db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        return names.Select(n => existing.FirstOrDefault(t => t.Slug == Slugs.From(n)) ?? new Tag { Name = n.ToLowerInvariant(), Slug = Slugs.From(n) }).ToList();
    }

    private async Task<ArticleEditorViewModel> WithChoicesAsync(
        ArticleForm form, int? id, ArticleStatus status, DateTime? publishedAt, string? slug, CancellationToken cancellationToken)
    {
        var categories = await _db.Categories.AsNoTracking().OrderBy(c => c.Position).Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
        var onStory = CoAuthorList.Chosen(form).Append(form.AuthorId).ToList();
        var authors = await _db.Authors.AsNoTracking().Where(a => !a.IsRetired || onStory.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
        return new ArticleEditorViewModel
        {
            Id = id, Status = status, PublishedAt = publishedAt, CurrentSlug = slug, Form = form, Categories = categories, Authors = authors,
            PublishAtChoices = PublishAtChoices(form),
        };
    }
}
