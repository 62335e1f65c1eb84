using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.AdminSettings;

/// <summary>The comment rules as edited on the settings page, stored in the database.</summary>
public sealed class CommentSettingsService
{
    private readonly NewsDbContext _db;
    private readonly CommentRulesSource _rules;
    private readonly SiteClock _clock;

    public CommentSettingsService(NewsDbContext db, CommentRulesSource rules, SiteClock clock)
    {
        _db = db;
        _rules = rules;
        _clock = clock;
    }

    /// <summary>The rules in force, as the form shows them, with the saved version they came from.</summary>
    public async Task<CommentSettingsForm> GetAsync(CancellationToken cancellationToken)
    {
        var rules = await _rules.GetAsync(cancellationToken);
        var version = await _db.CommentSettings.AsNoTracking()
            .Where(s => s.Id == CommentSettings.SingletonId)
            .Select(s => s.Version)
            .SingleOrDefaultAsync(cancellationToken);
        return new CommentSettingsForm
        {
            PreModeration = rules.PreModeration,
            AutoApprovePreviouslyApproved = rules.AutoApprovePreviouslyApproved,
            MaxLinks = rules.MaxLinks,
            ModerationKeywords = string.Join('\n', rules.ModerationKeywords),
            BlockedWords = string.Join('\n', rules.BlockedWords),
            BlockedEmails = string.Join('\n', rules.BlockedEmails),
            BlockedIps = string.Join('\n', rules.BlockedIps),
            HeldEmails = string.Join('\n', rules.HeldEmails),
            AutoCloseAfterDays = rules.AutoCloseAfterDays,
            Version = version,
        };
    }

    /// <returns>False when another admin saved in between; nothing is changed then.</returns>
    public async Task<bool> SaveAsync(CommentSettingsForm form, string staff, CancellationToken cancellationToken)
    {
        var settings = await _db.CommentSettings.SingleOrDefaultAsync(s => s.Id == CommentSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new CommentSettings();
            _db.CommentSettings.Add(settings);
        }
        else if (settings.Version != form.Version)
        {
            return false;
        }

        settings.PreModeration = form.PreModeration;
        settings.AutoApprovePreviouslyApproved = form.AutoApprovePreviouslyApproved;
        settings.MaxLinks = form.MaxLinks;
        settings.ModerationKeywords = string.Join('\n', CommentRulesSource.Lines(form.ModerationKeywords));
        settings.BlockedWords = string.Join('\n', CommentRulesSource.Lines(form.BlockedWords));
        settings.BlockedEmails = string.Join('\n', CommentRulesSource.Lines(form.BlockedEmails));
        settings.BlockedIps = string.Join('\n', CommentRulesSource.Lines(form.BlockedIps));
        settings.HeldEmails = string.Join('\n', CommentRulesSource.Lines(form.HeldEmails));
        settings.AutoCloseAfterDays = form.AutoCloseAfterDays;
        settings.UpdatedAt = _clock.UtcNow;
        settings.UpdatedBy = staff;
        settings.Version++;
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The first save of the row raced another admin's, or the version moved under us.
            return false;
        }

        // The save itself tells the reader cache (and so the rules, on every instance) after the commit.
        return true;
    }
}
