namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <param name="Since">UTC.</param>
public sealed record PresentEditor(string DisplayName, DateTime Since);

/// <summary>
/// Who has a story open in the editor, in the database so every instance sees the same: the page's heartbeat (every
/// <see cref="HeartbeatSeconds"/>) keeps a row fresh, and a row not refreshed for <see cref="Expiry"/> no longer counts.
/// Nobody is locked out: this only tells people.
/// </summary>
public sealed class PresenceTracker(NewsDbContext db, SiteClock clock, CurrentStaff staff)
{
    public const int HeartbeatSeconds = 20;
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private readonly CurrentStaff _staff = staff;

    /// <summary>This person has the story open now; false when there is no such story.</summary>
    public async Task<bool> BeatAsync(int articleId, CancellationToken cancellationToken)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return false;
        }

        var staff = await _staff.GetAsync(cancellationToken);
        var now = clock.UtcNow;
        var fresh = now - Expiry;
        var kept = await db.EditingPresence
            .Where(p => p.ArticleId == articleId && p.UserId == staff.Id && p.LastSeenAt >= fresh)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastSeenAt, now), cancellationToken);
        if (kept > 0)
        {
            return true;
        }

        // A new stretch of editing (or the first): an expired row goes, and "since" starts now.
        await db.EditingPresence.Where(p => p.ArticleId == articleId && p.UserId == staff.Id).ExecuteDeleteAsync(cancellationToken);
        db.EditingPresence.Add(new EditingPresence { ArticleId = articleId, UserId = staff.Id, DisplayName = staff.DisplayName, Since = now, LastSeenAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // The same person's other tab wrote the row at this moment: it says the same thing.
            db.ChangeTracker.Clear();
        }

        return true;
    }

    public async Task LeaveAsync(int articleId, CancellationToken cancellationToken)
    {
        var staff = await _staff.GetAsync(cancellationToken);
        await db.EditingPresence.Where(p => p.ArticleId == articleId && p.UserId == staff.Id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The others with the story open now, longest first.</summary>
    public async Task<IReadOnlyList<PresentEditor>> OthersAsync(int articleId, CancellationToken cancellationToken)
    {
        var staff = await _staff.GetAsync(cancellationToken);
        var fresh = clock.UtcNow - Expiry;
        return await db.EditingPresence.AsNoTracking()
            .Where(p => p.ArticleId == articleId && p.UserId != staff.Id && p.LastSeenAt >= fresh)
            .OrderBy(p => p.Since)
            .Select(p => new PresentEditor(p.DisplayName, p.Since))
            .ToListAsync(cancellationToken);
    }
}
