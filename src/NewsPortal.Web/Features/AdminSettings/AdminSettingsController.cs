using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Identity;
using NewsPortal.Web.Infrastructure.Mvc;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.AdminSettings;

[Authorize(Policy = Policies.Administration)]
[Route("admin/settings")]
public sealed class AdminSettingsController : Controller
{
    private readonly NewsDbContext _db;
    private readonly CommentRulesSource _rules;
    private readonly SiteClock _clock;
    private readonly ReaderCache _cache;

    public AdminSettingsController(NewsDbContext db, CommentRulesSource rules, SiteClock clock, ReaderCache cache)
    {
        _cache = cache;
        _db = db;
        _rules = rules;
        _clock = clock;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rules = await _rules.GetAsync(cancellationToken);
        var version = await _db.CommentSettings.AsNoTracking().Where(s => s.Id == CommentSettings.SingletonId).Select(s => s.Version).SingleOrDefaultAsync(cancellationToken);
        return View(new CommentSettingsForm
        {
            PreModeration = rules.PreModeration,
            AutoApprovePreviouslyApproved = rules.AutoApprovePreviouslyApproved,
            MaxLinks = rules.MaxLinks,
            ModerationKeywords = string.Join('\n', rules.ModerationKeywords),
            BlockedWords = string.Join('\n', rules.BlockedWords),
            BlockedEmails = string.Join('\n', rules.BlockedEmails),
            BlockedIps = string.Join('\n', rules.BlockedIps),
            AutoCloseAfterDays = rules.AutoCloseAfterDays,
            Version = version,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(CommentSettingsForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var settings = await _db.CommentSettings.SingleOrDefaultAsync(s => s.Id == CommentSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new CommentSettings();
            _db.CommentSettings.Add(settings);
        }
        else if (settings.Version != form.Version)
        {
            TempData["Warning"] = "Another admin saved these settings while you were editing. Here are their settings; make your change again.";
            return new SeeOtherResult("/admin/settings");
        }

        settings.PreModeration = form.PreModeration;
        settings.AutoApprovePreviouslyApproved = form.AutoApprovePreviouslyApproved;
        settings.MaxLinks = form.MaxLinks;
        settings.ModerationKeywords = string.Join('\n', CommentRulesSource.Lines(form.ModerationKeywords));
        settings.BlockedWords = string.Join('\n', CommentRulesSource.Lines(form.BlockedWords));
        settings.BlockedEmails = string.Join('\n', CommentRulesSource.Lines(form.BlockedEmails));
        settings.BlockedIps = string.Join('\n', CommentRulesSource.Lines(form.BlockedIps));
        settings.AutoCloseAfterDays = form.AutoCloseAfterDays;
        settings.UpdatedAt = _clock.UtcNow;
        settings.UpdatedBy = User.StaffName();
        settings.Version++;
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            TempData["Warning"] = "Another admin saved these settings at the same moment. Here are their settings; make your change again.";
            return new SeeOtherResult("/admin/settings");
        }

        _rules.Invalidate();
        await _cache.EverythingChangedAsync(cancellationToken);
        TempData["Flash"] = "Comment settings saved. They apply to the next comment posted.";
        return new SeeOtherResult("/admin/settings");
    }
}
