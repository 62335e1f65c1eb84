using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Privacy;

/// <summary>What the site holds about one commenter's address: a copy of it, or its erasure.</summary>
public sealed class PrivacyService(NewsDbContext db, Outbox outbox, LinkSigner signer, KeyRingKeys keys, SiteClock clock, IOptions<PrivacyOptions> options)
{
    public const string ExportPurpose = "privacy-export";
    public const string ErasePurpose = "privacy-erase";

    private const string RequestKeyPurpose = "privacy-requests";

    private readonly PrivacyOptions _options = options.Value;

    /// <summary>
    /// Mails a signed link to <paramref name="email"/> when the site holds anything for it and no link went to it in
    /// the last <c>Privacy:MailCooldownMinutes</c>; says nothing either way. Every request runs the same queries and
    /// writes the address's <see cref="PrivacyRequest"/> row, known address or not, so the answer never tells anyone
    /// who has commented and the work differs only by the link and the outbox row a known address gets (built and
    /// written in the same save). Of two requests at once, the row's concurrency check lets one mail.
    /// </summary>
    public async Task RequestAsync(string email, bool erase, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var key = await AddressKeyAsync(email);
        var holds = await HoldsAnythingAsync(email, cancellationToken);
        var request = await db.PrivacyRequests.SingleOrDefaultAsync(r => r.AddressKey == key, cancellationToken);
        if (request is null)
        {
            request = new PrivacyRequest { AddressKey = key };
            db.PrivacyRequests.Add(request);
        }

        request.LastRequestAt = now;
        if (holds && (request.LastMailAt is null || request.LastMailAt <= now.AddMinutes(-_options.MailCooldownMinutes)))
        {
            request.LastMailAt = now;
            var purpose = erase ? ErasePurpose : ExportPurpose;
            var link = (erase ? "/privacy/erase?t=" : "/privacy/export?t=") + await signer.SignAsync(purpose, email, TimeSpan.FromHours(_options.LinkHours));
            outbox.Add(db, new OutboxMail(MailKinds.PrivacyRequest, email, null,
                erase ? "Your request to erase your data" : "Your copy of your data",
                new MailBody()
                    .Paragraph(erase
                        ? "Someone (we hope you) asked us to erase what we hold about this address: your name, e-mail, IP address and browser on every comment, the earlier versions of their text, and your reply notices."
                        : "Someone (we hope you) asked for a copy of what we hold about this address.")
                    .Link(erase ? "Erase my data (you confirm on the page)" : "Get my data (you confirm on the page)", link)
                    .Paragraph($"The link works for {_options.LinkHours} hours. If it was not you, ignore this message: nothing happens without the link. "
                        + $"We send at most one such message every {_options.MailCooldownMinutes} minutes.")));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request for the same address saved first (its row, or its mail): that one answers for both.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The three questions are always all asked, so a known address costs what an unknown one does.</summary>
    private async Task<bool> HoldsAnythingAsync(string email, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.AnyAsync(c => c.AuthorEmail == email && !c.IsStaffReply, cancellationToken);
        var subscriptions = await db.ReplySubscriptions.AnyAsync(s => s.Email == email, cancellationToken);
        var reports = await db.CommentReports.AnyAsync(r => r.ReporterEmail == email, cancellationToken);
        return comments || subscriptions || reports;
    }

    /// <summary>A keyed hash of the address: the request row never holds the address itself.</summary>
    private async Task<string> AddressKeyAsync(string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await keys.StableAsync(RequestKeyPurpose), Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    public async Task<PrivacyExport> ExportAsync(string email, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.AuthorEmail == email && !c.IsStaffReply)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Article.Headline, c.Article.Slug, c.Status, c.CreatedAt, c.AuthorName, c.BodyHtml, c.IpAddress, c.UserAgent, c.ParentId })
            .ToListAsync(cancellationToken);
        var ids = comments.ConvertAll(c => c.Id);
        var earlier = (await db.CommentHistory.AsNoTracking()
                .Where(h => ids.Contains(h.CommentId) && h.PreviousBodyHtml != null)
                .OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)
                .Select(h => new { h.CommentId, h.ChangedAt, h.ChangedBy, h.PreviousBodyHtml })
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.CommentId, h => new PrivacyExport.EarlierText(
                h.ChangedAt,
                h.ChangedBy == OwnCommentService.AuthorActor ? "you" : "a moderator",
                Infrastructure.Sanitizing.CommentSanitizer.ToPlainText(h.PreviousBodyHtml!).Trim()));
        var subscriptions = await db.ReplySubscriptions.AsNoTracking()
            .Where(s => s.Email == email)
            .OrderBy(s => s.Id)
            .Select(s => new PrivacyExport.SubscriptionEntry(s.CommentId, s.CreatedAt))
            .ToListAsync(cancellationToken);
        var confirmed = await db.SubscriberAddresses.AsNoTracking().Where(a => a.Email == email).Select(a => a.ConfirmedAt).SingleOrDefaultAsync(cancellationToken);
        var reports = await db.CommentReports.AsNoTracking()
            .Where(r => r.ReporterEmail == email)
            .OrderBy(r => r.Id)
            .Select(r => new PrivacyExport.ReportEntry(r.CommentId, r.Reason.ToString(), r.Explanation, r.CreatedAt, r.Decision == null ? null : r.Decision.ToString(), r.DecidedAt))
            .ToListAsync(cancellationToken);
        return new PrivacyExport(
            email,
            clock.UtcNow,
            comments.Select(c => new PrivacyExport.CommentEntry(
                c.Id, c.Headline, "/news/" + c.Slug, c.Status.ToString(), c.CreatedAt, c.AuthorName,
                Infrastructure.Sanitizing.CommentSanitizer.ToPlainText(c.BodyHtml).Trim(), c.IpAddress, c.UserAgent, c.ParentId, earlier[c.Id].ToList())).ToList(),
            subscriptions,
            confirmed,
            reports);
    }

    /// <summary>The address behind a comment, for staff acting from the queue; null for a staff reply or an erased one.</summary>
    public Task<string?> EmailOfCommentAsync(int commentId, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().Where(c => c.Id == commentId && !c.IsStaffReply && c.AuthorEmail != "")
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

    /// <param name="EarlierTexts">The comment's text before each edit, oldest first, as moderators still see it.</param>
    public sealed record CommentEntry(
        int Id, string Article, string ArticleUrl, string Status, DateTime CreatedAt, string Name, string Text, string? IpAddress, string? UserAgent, int? ReplyTo,
        IReadOnlyList<EarlierText> EarlierTexts);

    /// <summary>A text the comment had before an edit by <paramref name="EditedBy"/> ("you" or "a moderator") at <paramref name="ReplacedAt"/>.</summary>
    public sealed record EarlierText(DateTime ReplacedAt, string EditedBy, string Text);

    public sealed record SubscriptionEntry(int CommentId, DateTime CreatedAt);
}
