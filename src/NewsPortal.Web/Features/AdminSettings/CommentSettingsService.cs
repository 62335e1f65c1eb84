using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.AdminSettings;

/// <summary>The comment rules as edited on the settings page, stored in the database.</summary>
public sealed class CommentSettingsService(NewsDbContext db, CommentRulesSource rules, SiteClock clock)
{
    private readonly NewsDbContext _db = db;
    private readonly CommentRulesSource _rules = rules;

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

        var changed = Changed(settings, form);
        settings.PreModeration = form.PreModeration;
        settings.AutoApprovePreviouslyApproved = form.AutoApprovePreviouslyApproved;
        settings.MaxLinks = form.MaxLinks;
        settings.ModerationKeywords = string.Join('\n', CommentRulesSource.Lines(form.ModerationKeywords));
        settings.BlockedWords = string.Join('\n', CommentRulesSource.Lines(form.BlockedWords));
        settings.BlockedEmails = string.Join('\n', CommentRulesSource.Lines(form.BlockedEmails));
        settings.BlockedIps = string.Join('\n', CommentRulesSource.Lines(form.BlockedIps));
        settings.HeldEmails = string.Join('\n', CommentRulesSource.Lines(form.HeldEmails));
        settings.AutoCloseAfterDays = form.AutoCloseAfterDays;
        Stamp(settings, staff, changed.Count == 0 ? "Saved the settings page without changes." : "Saved the settings page: " + string.Join(", ", changed) + ".");
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
    /// Adds the address of comment <paramref name="commentId"/>'s author to the blocked list (<paramref name="block"/>)
    /// or the always-hold list, keeping everything else as saved, and records who did it for the Admins (the record
    /// names the comment, not the address); retried when another admin saves at the same moment.
    /// </summary>
    public async Task AddEmailAsync(int commentId, string email, bool block, string staff, CancellationToken cancellationToken)
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

            Stamp(settings, staff, $"Added the author of comment {commentId} to the {(block ? "blocked emails" : "always-hold emails")} from the moderation queue.", commentId);
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

    /// <summary>The latest changes to the rules, newest first, for the settings page.</summary>
    public Task<List<CommentSettingsChange>> RecentChangesAsync(int count, CancellationToken cancellationToken) =>
        _db.CommentSettingsChanges.AsNoTracking().OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>
    /// Erasure's part: every blocked or always-hold entry equal to <paramref name="email"/> becomes
    /// <paramref name="erasedKey"/>, so the ban or hold outlives the address. Added to <paramref name="db"/>'s changes;
    /// the caller saves (the settings row's version makes a concurrent admin save fail one of the two).
    /// </summary>
    public static async Task ReplaceListedEmailAsync(NewsDbContext db, string email, string erasedKey, string by, DateTime now, CancellationToken cancellationToken)
    {
        var settings = await db.CommentSettings.SingleOrDefaultAsync(s => s.Id == CommentSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            return;
        }

        var lists = new List<string>();
        string Replace(string list, string name)
        {
            var lines = CommentRulesSource.Lines(list);
            if (!lines.Any(l => string.Equals(l, email, StringComparison.OrdinalIgnoreCase)))
            {
                return list;
            }

            lists.Add(name);
            return string.Join('\n', CommentRulesSource.Lines(string.Join('\n',
                lines.Select(l => string.Equals(l, email, StringComparison.OrdinalIgnoreCase) ? erasedKey : l))));
        }

        settings.BlockedEmails = Replace(settings.BlockedEmails, "blocked emails");
        settings.HeldEmails = Replace(settings.HeldEmails, "always-hold emails");
        if (lists.Count == 0)
        {
            return;
        }

        settings.UpdatedAt = now;
        settings.UpdatedBy = by;
        settings.Version++;
        db.CommentSettingsChanges.Add(new CommentSettingsChange
        {
            ChangedAt = now,
            ChangedBy = by,
            Summary = $"Erasure: an address in the {string.Join(" and ", lists)} was replaced by its keyed hash ({CommentRules.ErasedPrefix}…), so the entry still applies.",
        });
    }

    /// <summary>The names of the settings a save changes (never their values: a list may hold addresses).</summary>
    private static List<string> Changed(CommentSettings saved, CommentSettingsForm form)
    {
        var changed = new List<string>();
        void Check(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }

        static bool ListDiffers(string saved, string? posted) => string.Join('\n', CommentRulesSource.Lines(saved)) != string.Join('\n', CommentRulesSource.Lines(posted));
        Check(saved.PreModeration != form.PreModeration, "pre-moderation");
        Check(saved.AutoApprovePreviouslyApproved != form.AutoApprovePreviouslyApproved, "auto-approve");
        Check(saved.MaxLinks != form.MaxLinks, "link limit");
        Check(ListDiffers(saved.ModerationKeywords, form.ModerationKeywords), "moderation keywords");
        Check(ListDiffers(saved.BlockedWords, form.BlockedWords), "blocked words");
        Check(ListDiffers(saved.BlockedEmails, form.BlockedEmails), "blocked emails");
        Check(ListDiffers(saved.HeldEmails, form.HeldEmails), "always-hold emails");
        Check(ListDiffers(saved.BlockedIps, form.BlockedIps), "blocked IP addresses");
        Check(saved.AutoCloseAfterDays != form.AutoCloseAfterDays, "auto-close");
        return changed;
    }


    /// <summary>Marks the rules as changed by <paramref name="staff"/> now, and records the change in their history.</summary>
    private void Stamp(CommentSettings settings, string staff, string summary, int? commentId = null)
    {
        settings.UpdatedAt = clock.UtcNow;
        settings.UpdatedBy = staff;
        settings.Version++;
        _db.CommentSettingsChanges.Add(new CommentSettingsChange
        {
            ChangedAt = settings.UpdatedAt,
            ChangedBy = staff,
            CommentId = commentId,
            Summary = FieldLengths.Clip(summary, FieldLengths.SettingsChangeSummary),
        });
    }
}
