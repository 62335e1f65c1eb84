using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Mail;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Privacy;

/// <summary>What the site holds about one commenter's address: a copy of it, or its erasure.</summary>
public sealed class PrivacyService
{
    public const string ErasedName = "Deleted";
    public const string ErasedBodyHtml = "<p><em>This comment was deleted at its author’s request.</em></p>";
    public const string ExportPurpose = "privacy-export";
    public const string ErasePurpose = "privacy-erase";

    private readonly NewsDbContext _db;
    private readonly Outbox _outbox;
    private readonly LinkSigner _signer;
    private readonly SiteClock _clock;
    private readonly PrivacyOptions _options;

    public PrivacyService(NewsDbContext db, Outbox outbox, LinkSigner signer, SiteClock clock, IOptions<PrivacyOptions> options)
    {
        _db = db;
        _outbox = outbox;
        _signer = signer;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>Mails a signed link to <paramref name="email"/> when the site holds anything for it; says nothing either way.</summary>
    public async Task RequestAsync(string email, bool erase, CancellationToken cancellationToken)
    {
        if (!await HoldsAnythingAsync(email, cancellationToken))
        {
            return;
        }

        var purpose = erase ? ErasePurpose : ExportPurpose;
        var link = (erase ? "/privacy/erase?t=" : "/privacy/export?t=") + await _signer.SignAsync(purpose, email, TimeSpan.FromHours(_options.LinkHours));
        _outbox.Add(_db, new OutboxMail(MailKinds.PrivacyRequest, email, null,
            erase ? "Your request to erase your data" : "Your copy of your data",
            new MailBody()
                .Paragraph(erase
                    ? "Someone (we hope you) asked us to erase what we hold about this address: your name, e-mail, IP address and browser on every comment, and your reply notices."
                    : "Someone (we hope you) asked for a copy of what we hold about this address.")
                .Link(erase ? "Erase my data (you confirm on the page)" : "Download my data (JSON)", link)
                .Paragraph($"The link works for {_options.LinkHours} hours. If it was not you, ignore this message: nothing happens without the link.")));
        await _db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> HoldsAnythingAsync(string email, CancellationToken cancellationToken) =>
        await _db.Comments.AnyAsync(c => c.AuthorEmail == email && !c.IsStaffReply, cancellationToken)
        || await _db.ReplySubscriptions.AnyAsync(s => s.Email == email, cancellationToken)
        || await _db.CommentReports.AnyAsync(r => r.ReporterEmail == email, cancellationToken);

    public async Task<PrivacyExport> ExportAsync(string email, CancellationToken cancellationToken)
    {
        var comments = await _db.Comments.AsNoTracking()
            .Where(c => c.AuthorEmail == email && !c.IsStaffReply)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Article.Headline, c.Article.Slug, c.Status, c.CreatedAt, c.AuthorName, c.BodyHtml, c.IpAddress, c.UserAgent, c.ParentId })
            .ToListAsync(cancellationToken);
        var subscriptions = await _db.ReplySubscriptions.AsNoTracking()
            .Where(s => s.Email == email)
            .OrderBy(s => s.Id)
            .Select(s => new PrivacyExport.SubscriptionEntry(s.CommentId, s.CreatedAt))
            .ToListAsync(cancellationToken);
        var confirmed = await _db.SubscriberAddresses.AsNoTracking().Where(a => a.Email == email).Select(a => a.ConfirmedAt).SingleOrDefaultAsync(cancellationToken);
        var reports = await _db.CommentReports.AsNoTracking()
            .Where(r => r.ReporterEmail == email)
            .OrderBy(r => r.Id)
            .Select(r => new PrivacyExport.ReportEntry(r.CommentId, r.Reason.ToString(), r.Explanation, r.CreatedAt, r.Decision == null ? null : r.Decision.ToString(), r.DecidedAt))
            .ToListAsync(cancellationToken);
        return new PrivacyExport(
            email,
            _clock.UtcNow,
            comments.Select(c => new PrivacyExport.CommentEntry(
                c.Id, c.Headline, "/news/" + c.Slug, c.Status.ToString(), c.CreatedAt, c.AuthorName,
                Infrastructure.Sanitizing.CommentSanitizer.ToPlainText(c.BodyHtml).Trim(), c.IpAddress, c.UserAgent, c.ParentId)).ToList(),
            subscriptions,
            confirmed,
            reports);
    }

    /// <summary>
    /// Anonymises every comment from <paramref name="email"/> (name "Deleted", no e-mail, IP or user agent; the text
    /// removed unless <c>Privacy:EraseKeepsText</c>) with a history entry each, and removes its reply notices, its
    /// confirmation, the mail queued or kept for it, and the address from the reports it filed. Saved through the context, so the reader cache and the search
    /// index follow. Returns how many comments were anonymised.
    /// </summary>
    public async Task<int> EraseAsync(string email, string by, CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        var comments = await _db.Comments.Where(c => c.AuthorEmail == email && !c.IsStaffReply).ToListAsync(cancellationToken);
        foreach (var comment in comments)
        {
            comment.AuthorName = ErasedName;
            comment.AuthorEmail = string.Empty;
            comment.IpAddress = null;
            comment.UserAgent = null;
            comment.DedupeKey = null;
            if (!_options.EraseKeepsText)
            {
                comment.BodyHtml = ErasedBodyHtml;
            }

            comment.Version++;
            _db.CommentHistory.Add(new CommentHistory
            {
                CommentId = comment.Id, ChangedAt = now, ChangedBy = by, FromStatus = comment.Status, ToStatus = comment.Status,
                Note = "Erased the commenter's personal data",
            });
        }

        foreach (var report in await _db.CommentReports.Where(r => r.ReporterEmail == email).ToListAsync(cancellationToken))
        {
            // The report stays (moderators decided on it); only the way to reach its reader goes.
            report.ReporterEmail = null;
        }

        _db.ReplySubscriptions.RemoveRange(await _db.ReplySubscriptions.Where(s => s.Email == email).ToListAsync(cancellationToken));
        _db.SubscriberAddresses.RemoveRange(await _db.SubscriberAddresses.Where(a => a.Email == email).ToListAsync(cancellationToken));
        _db.OutboxMessages.RemoveRange(await _db.OutboxMessages.Where(m => m.ToAddress == email && m.ClaimToken == null).ToListAsync(cancellationToken));
        await _db.SaveChangesAsync(cancellationToken);
        return comments.Count;
    }

    /// <summary>The address behind a comment, for staff acting from the queue; null for a staff reply or an erased one.</summary>
    public Task<string?> EmailOfCommentAsync(int commentId, CancellationToken cancellationToken) =>
        _db.Comments.AsNoTracking().Where(c => c.Id == commentId && !c.IsStaffReply && c.AuthorEmail != "")
            .Select(c => c.AuthorEmail).SingleOrDefaultAsync(cancellationToken);
}

public sealed record PrivacyExport(
    string Email,
    DateTime ExportedAt,
    IReadOnlyList<PrivacyExport.CommentEntry> Comments,
    IReadOnlyList<PrivacyExport.SubscriptionEntry> ReplySubscriptions,
    DateTime? ReplyNoticesConfirmedAt,
    IReadOnlyList<PrivacyExport.ReportEntry> ReportsFiled)
{
    /// <summary>A report this address filed about someone's comment, and what was decided.</summary>
    public sealed record ReportEntry(int CommentId, string Reason, string? Explanation, DateTime CreatedAt, string? Decision, DateTime? DecidedAt);

    public sealed record CommentEntry(
        int Id, string Article, string ArticleUrl, string Status, DateTime CreatedAt, string Name, string Text, string? IpAddress, string? UserAgent, int? ReplyTo);

    public sealed record SubscriptionEntry(int CommentId, DateTime CreatedAt);
}
