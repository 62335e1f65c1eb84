using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>An active preview link as the newsroom sees it.</summary>
/// <param name="Path">The link (a site path with its token), signed again for the time it has left.</param>
public sealed record PreviewLinkRow(int Id, string CreatedBy, DateTime CreatedAt, DateTime ExpiresAt, DateTime? FirstUsedAt, string Path);

public enum PreviewOpenOutcome
{
    /// <summary>The story, as readers will see it.</summary>
    Shown,

    /// <summary>The story is now published: its own page answers.</summary>
    Published,

    /// <summary>Not a link this site made (tampered, truncated, made up), or its story is gone.</summary>
    NotFound,

    /// <summary>Expired or revoked.</summary>
    Gone,
}

public sealed record PreviewOpenResult(PreviewOpenOutcome Outcome, ArticleViewModel? Article = null, string? Slug = null);

/// <summary>
/// Preview links for people without accounts: a token sealed by the key ring's data protector for this purpose
/// (<see cref="LinkSigner"/>, the site's one way to sign links) naming an <see cref="ArticlePreviewLink"/> row, with the
/// row's expiry inside it. The token is never stored; the row is what can be revoked. Creation, revocation and the
/// first use are written to the story's history.
/// </summary>
public sealed class ArticlePreviewLinks(NewsDbContext db, LinkSigner signer, SiteClock clock)
{
    public const string Purpose = "article-preview";

    /// <summary>The lifetimes an editor can choose, in days.</summary>
    public static readonly IReadOnlyList<int> LifetimeDays = [1, 7];


    /// <summary>Makes a link; returns its path, or null and why not.</summary>
    public async Task<(string? Path, string? Error)> CreateAsync(int articleId, int days, ArticleActor actor, CancellationToken cancellationToken)
    {
        if (!LifetimeDays.Contains(days))
        {
            return (null, $"Choose how long the link works: {string.Join(" or ", LifetimeDays.Select(d => d == 1 ? "1 day" : $"{d} days"))}.");
        }

        var now = clock.UtcNow;
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return (null, "That story no longer exists.");
        }

        if (article.IsVisibleAt(now))
        {
            return (null, "Readers can already see this story: share its address instead of a preview link.");
        }

        var link = new ArticlePreviewLink { Article = article, CreatedAt = now, ExpiresAt = now.AddDays(days), CreatedBy = actor.Name };
        db.ArticlePreviewLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        db.ArticleEvents.Add(new ArticleEvent
        {
            ArticleId = articleId,
            Kind = ArticleEventKinds.PreviewCreated,
            Actor = actor.Name,
            At = now,
            Note = string.Create(CultureInfo.InvariantCulture, $"Link {link.Id}, valid for {days} day{(days == 1 ? string.Empty : "s")}"),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (await PathAsync(link.Id, link.ExpiresAt, now), null);
    }

    public async Task<string?> RevokeAsync(int articleId, int linkId, ArticleActor actor, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var link = await db.ArticlePreviewLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.ArticleId == articleId, cancellationToken);
        if (link is null)
        {
            return "That preview link does not exist.";
        }

        if (link.RevokedAt is not null)
        {
            return null;
        }

        link.RevokedAt = now;
        db.ArticleEvents.Add(new ArticleEvent
        {
            ArticleId = articleId,
            Kind = ArticleEventKinds.PreviewRevoked,
            Actor = actor.Name,
            At = now,
            Note = string.Create(CultureInfo.InvariantCulture, $"Link {link.Id}"),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The story's links that still work, newest first.</summary>
    public async Task<List<PreviewLinkRow>> ActiveAsync(int articleId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var links = await db.ArticlePreviewLinks.AsNoTracking()
            .Where(l => l.ArticleId == articleId && l.RevokedAt == null && l.ExpiresAt > now)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .ToListAsync(cancellationToken);
        var rows = new List<PreviewLinkRow>(links.Count);
        foreach (var l in links)
        {
            rows.Add(new PreviewLinkRow(l.Id, l.CreatedBy, l.CreatedAt, l.ExpiresAt, l.FirstUsedAt, await PathAsync(l.Id, l.ExpiresAt, now)));
        }

        return rows;
    }

    /// <summary>What a preview link shows now; the first use of a link is written to the story's history.</summary>
    public async Task<PreviewOpenResult> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var (check, subject) = await signer.CheckAsync(Purpose, token);
        if (check == LinkCheck.Invalid || !int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var linkId))
        {
            return new(PreviewOpenOutcome.NotFound);
        }

        var now = clock.UtcNow;
        var link = await db.ArticlePreviewLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
        {
            return new(PreviewOpenOutcome.NotFound);
        }

        if (check == LinkCheck.Expired || link.RevokedAt is not null || link.ExpiresAt <= now)
        {
            return new(PreviewOpenOutcome.Gone);
        }

        var article = await db.Articles.AsNoTracking().Where(a => a.Id == link.ArticleId).Select(ArticleQueryExtensions.ToViewModel).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return new(PreviewOpenOutcome.NotFound);
        }

        if (await db.Articles.AsNoTracking().VisibleAt(now).AnyAsync(a => a.Id == link.ArticleId, cancellationToken))
        {
            return new(PreviewOpenOutcome.Published, Slug: article.Slug);
        }

        // Only the request that sets FirstUsedAt writes the history entry, however many open it at once.
        if (link.FirstUsedAt is null
            && await db.ArticlePreviewLinks.Where(l => l.Id == linkId && l.FirstUsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.FirstUsedAt, now), cancellationToken) == 1)
        {
            db.ArticleEvents.Add(new ArticleEvent
            {
                ArticleId = link.ArticleId,
                Kind = ArticleEventKinds.PreviewOpened,
                Actor = "Preview link",
                At = now,
                Note = string.Create(CultureInfo.InvariantCulture, $"Link {link.Id} (made by {link.CreatedBy}) opened for the first time"),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(PreviewOpenOutcome.Shown, article with { Tags = await ArticleQueryExtensions.TagsOfAsync(db, link.ArticleId, cancellationToken) });
    }

    private async Task<string> PathAsync(int linkId, DateTime expiresAt, DateTime now)
    {
        // Signed again for the time the row has left, so the token carries the row's expiry and is never stored.
        var token = await signer.SignAsync(Purpose, linkId.ToString(CultureInfo.InvariantCulture), expiresAt - now);
        return $"/preview/{token}";
    }
}
