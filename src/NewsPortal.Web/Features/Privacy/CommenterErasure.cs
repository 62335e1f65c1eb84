using NewsPortal.Web.Features.AdminSettings;
using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Privacy;

/// <summary>
/// Erases what the site holds about one commenter's address, every copy of it, in one transaction:
/// <list type="bullet">
/// <item>their comments: name "Deleted", no e-mail, IP or user agent; the text replaced unless <c>Privacy:EraseKeepsText</c>;</item>
/// <item>those comments' history: every earlier text, and notes cut to their fixed wording (a moderator's statement may quote them);</item>
/// <item>reports about those comments: the reader's explanation and the moderator's statement (either may quote them);</item>
/// <item>reports they filed: their address, the keyed hash of their IP and their explanation (the report itself stays: moderators decided on it);</item>
/// <item>reply notices and their confirmation;</item>
/// <item>mail to them, and mail to others that quotes their comments (moderator alerts, digests, reply notices, report
/// outcomes): deleted, or, while a sender holds it, blanked and withdrawn (the send in progress may still finish);</item>
/// <item>the blocked and always-hold lists: the address becomes its keyed hash, so a ban outlives it.</item>
/// </list>
/// Saved through the context, so the reader cache and the search index follow.
/// </summary>
public sealed class CommenterErasure(NewsDbContext db, CommentRulesSource rules, SiteClock clock, IOptions<PrivacyOptions> options)
{
    public const string ErasedName = "Deleted";
    public const string ErasedBodyHtml = "<p><em>This comment was deleted at its author’s request.</em></p>";
    public const string Note = "Erased the commenter's personal data";

    /// <summary>What a withdrawn message keeps: its subject, body and (when it was theirs) its recipient go.</summary>
    public const string WithdrawnText = "(withdrawn: it quoted a commenter whose data has since been erased)";

    public const string WithdrawnRecipient = "(erased)";

    private const string Placeholder = "(erased)";

    private readonly PrivacyOptions _options = options.Value;

    /// <summary>Returns how many comments were anonymised.</summary>
    public async Task<int> EraseAsync(string email, string by, CancellationToken cancellationToken)
    {
        email = email.Trim().ToLowerInvariant();
        var erasedKey = await rules.ErasedKeyOfAsync(email);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => EraseOnceAsync(email, erasedKey, by, cancellationToken));
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A moderator or an admin changed one of the rows meanwhile: start again from what is saved now.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> EraseOnceAsync(string email, string erasedKey, string by, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var comments = await db.Comments.Where(c => c.AuthorEmail == email && !c.IsStaffReply).ToListAsync(cancellationToken);
        var ids = comments.ConvertAll(c => c.Id);
        var names = comments.Select(c => c.AuthorName).Where(n => n.Length >= 3 && n != ErasedName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // The outbox first: its statements lock the rows a sender could claim while the rest is prepared.
        await WithdrawMailAsync(email, ids, now, cancellationToken);

        foreach (var history in await db.CommentHistory.Where(h => ids.Contains(h.CommentId)).ToListAsync(cancellationToken))
        {
            history.PreviousBodyHtml = null;
            history.Note = FixedPart(history.Note);
        }

        foreach (var comment in comments)
        {
            comment.AuthorName = ErasedName;
            comment.AuthorEmail = string.Empty;
            comment.IpAddress = null;
            comment.UserAgent = null;
            comment.DedupeKey = null;
            comment.StatusReason = comment.StatusReason is null ? null : Scrub(FixedPart(comment.StatusReason)!, email, names);
            if (!_options.EraseKeepsText)
            {
                comment.BodyHtml = ErasedBodyHtml;
            }

            comment.Version++;
            db.CommentHistory.Add(CommentHistory.Of(comment.Id, now, by, comment.Status, comment.Status, Note));
        }

        foreach (var report in await db.CommentReports.Where(r => ids.Contains(r.CommentId)).ToListAsync(cancellationToken))
        {
            // The reader's explanation and the moderator's statement may both quote the comment or its author; the
            // reason, the ground and the decision stay, for the moderation record.
            report.DecisionStatement = null;
            report.Explanation = null;
        }

        foreach (var report in await db.CommentReports.Where(r => r.ReporterEmail == email).ToListAsync(cancellationToken))
        {
            // Their own explanation is their text too (the export lists it), and may name them.
            report.ReporterEmail = null;
            report.IpKey = null;
            report.Explanation = null;
        }

        db.ReplySubscriptions.RemoveRange(await db.ReplySubscriptions.Where(s => s.Email == email).ToListAsync(cancellationToken));
        db.SubscriberAddresses.RemoveRange(await db.SubscriberAddresses.Where(a => a.Email == email).ToListAsync(cancellationToken));
        await CommentSettingsService.ReplaceListedEmailAsync(db, email, erasedKey, by, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return comments.Count;
    }

    /// <summary>
    /// Mail to the address, and mail to anyone that quotes the comments: every such row is blanked and marked failed
    /// first, whatever its claim, which also locks it until the commit, so no sender can claim one between these
    /// statements (SQL Server's READ COMMITTED keeps no lock on rows a statement only read); then the rows no sender
    /// holds are deleted, and the held ones lose their claim, so the sender holding one can record neither a success
    /// nor a retry (the attempt in progress may still finish).
    /// </summary>
    private async Task WithdrawMailAsync(string email, List<int> ids, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages
            .Where(m => m.ToAddress == email || m.Quotes.Any(q => ids.Contains(q.CommentId)))
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }

        var concerned = db.OutboxMessages.Where(m => rows.Contains(m.Id));
        await concerned.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Subject, WithdrawnText)
                .SetProperty(m => m.TextBody, WithdrawnText)
                .SetProperty(m => m.HtmlBody, WithdrawnText)
                .SetProperty(m => m.ToName, m => m.ToAddress == email ? null : m.ToName)
                .SetProperty(m => m.UnsubscribeUrl, m => m.ToAddress == email ? null : m.UnsubscribeUrl)
                .SetProperty(m => m.ToAddress, m => m.ToAddress == email ? WithdrawnRecipient : m.ToAddress)
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.LastError, "Withdrawn: the data it quoted was erased."),
            cancellationToken);
        await concerned
            .Where(m => m.ClaimedUntil == null || m.ClaimedUntil < now)
            .ExecuteDeleteAsync(cancellationToken);
        await concerned.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null),
            cancellationToken);
    }

    /// <summary>A note or reason up to its first colon: the fixed wording, without a moderator's or a rule's quotation.</summary>
    private static string? FixedPart(string? note) =>
        note is null ? null : note.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? note[..colon].TrimEnd() + "." : note;

    private static string Scrub(string text, string email, List<string> names)
    {
        text = text.Replace(email, Placeholder, StringComparison.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            text = text.Replace(name, Placeholder, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
