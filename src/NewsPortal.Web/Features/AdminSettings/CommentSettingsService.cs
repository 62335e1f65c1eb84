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

    /// <summary>
    /// Adds one address to the blocked list (<paramref name="block"/>) or the always-hold list, keeping everything else
    /// as saved; retried when another admin saves at the same moment.
    /// </summary>
    public async Task AddEmailAsync(string email, bool block, string staff, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var settings = await _db.CommentSettings.SingleOrDefaultAsync(s => s.Id == CommentSettings.SingletonId, cancellationToken);
            if (settings is null)
            {
                // No saved settings yet: start from the rules in force (the configuration), as the settings page would.
                var form = await GetAsync(cancellationToken);
                settings = new CommentSettings
                {
                    PreModeration = form.PreModeration,
                    AutoApprovePreviouslyApproved = form.AutoApprovePreviouslyApproved,
                    MaxLinks = form.MaxLinks,
                    ModerationKeywords = form.ModerationKeywords ?? string.Empty,
                    BlockedWords = form.BlockedWords ?? string.Empty,
                    BlockedEmails = form.BlockedEmails ?? string.Empty,
                    BlockedIps = form.BlockedIps ?? string.Empty,
                    HeldEmails = form.HeldEmails ?? string.Empty,
                    AutoCloseAfterDays = form.AutoCloseAfterDays,
                };
                _db.CommentSettings.Add(settings);
            }

            if (block)
            {
                settings.BlockedEmails = string.Join('\n', CommentRulesSource.Lines(settings.BlockedEmails + "\n" + email));
            }
            else
            {
                settings.HeldEmails = string.Join('\n', CommentRulesSource.Lines(settings.HeldEmails + "\n" + email));
            }

            settings.UpdatedAt = _clock.UtcNow;
            settings.UpdatedBy = staff;
            settings.Version++;
            try
            {
                await _db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                _db.ChangeTracker.Clear();
            }
        }

        throw new InvalidOperationException("The comment settings were saved by others three times in a row; try again.");
    }
}
