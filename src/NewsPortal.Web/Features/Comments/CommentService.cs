using NewsPortal.Web.Features.Notifications;

namespace NewsPortal.Web.Features.Comments;

/// <summary>Who sent a comment, as the server saw it.</summary>
public sealed record CommentClient(string? IpAddress, string? UserAgent);

public enum CommentPostOutcome
{
    /// <summary>No visible article has that slug.</summary>
    ArticleNotFound,

    /// <summary>The article does not take comments.</summary>
    Closed,

    /// <summary>Field errors; nothing was stored.</summary>
    Invalid,

    /// <summary>Stored (or recognised as a duplicate of one stored moments ago).</summary>
    Accepted,
}

/// <param name="Created">
/// True when this post stored the comment; false when it was recognised as a duplicate of one stored before (perhaps
/// by someone else with the same email and text), which this browser must not be shown as its own.
/// </param>
public sealed record CommentPostResult(
    CommentPostOutcome Outcome,
    int? CommentId = null,
    CommentStatus? Status = null,
    IReadOnlyDictionary<string, string>? Errors = null,
    bool Created = false);

public sealed class CommentService(
    NewsDbContext db, SiteClock clock, CommentSanitizer sanitizer, FormStamp stamp, CommentRulesSource rules, SqliteWriteGate gate)
{
    private readonly FormStamp _stamp = stamp;
    private readonly CommentRulesSource _rules = rules;

    /// <summary>
    /// Validates, cleans, classifies and stores one reader comment. The form's own DataAnnotations have
    /// already run; this adds what needs the cleaned text or the database.
    /// </summary>
    public async Task<CommentPostResult> PostAsync(
        string slug, CommentForm form, CommentClient client, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var rules = await _rules.GetAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.CommentsOpen, PublishedAt = a.PublishedAt!.Value })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            SiteMetrics.CommentRefused("not_found");
            return new(CommentPostOutcome.ArticleNotFound);
        }

        if (!CommentRulesSource.IsOpen(article.CommentsOpen, article.PublishedAt, now, rules))
        {
            SiteMetrics.CommentRefused("closed");
            return new(CommentPostOutcome.Closed);
        }

        var name = CommentText.CleanName(form.Name);
        var email = CommentText.CleanEmail(form.Email);
        var body = CommentText.CleanBody(form.Body);
        var errors = new Dictionary<string, string>();
        if (name.Length == 0)
        {
            errors[nameof(CommentForm.Name)] = "Please enter your name here";
        }

        if (body.Length == 0)
        {
            errors[nameof(CommentForm.Body)] = "Please enter your comment!";
        }

        if (form.ParentId is { } parentId
            && !await db.Comments.AnyAsync(
                c => c.Id == parentId && c.ArticleId == article.Id && c.Status == CommentStatus.Approved, cancellationToken))
        {
            errors[string.Empty] = "The comment you are replying to is no longer available. Your text is below; post it as a new comment.";
            form.ParentId = null;
        }

        if (errors.Count > 0)
        {
            SiteMetrics.CommentRefused("invalid");
            return new(CommentPostOutcome.Invalid, Errors: errors);
        }

        var bodyHtml = sanitizer.Sanitize(body);
        var verdict = await BotVerdictAsync(form, article.Id, rules)
            ?? CommentRules.Evaluate(
                new CommentSubmission(name, email, CommentSanitizer.ToPlainText(bodyHtml), CommentSanitizer.CountLinks(bodyHtml), client.IpAddress, await _rules.ErasedKeyAsync(rules, email)),
                rules,
                rules.AutoApprovePreviouslyApproved
                    && await db.Comments.AnyAsync(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved, cancellationToken));

        var previous = rules.DuplicateWindowMinutes > 0 ? await LatestIdenticalAsync(article.Id, email, bodyHtml, cancellationToken) : null;
        if (previous is { } existing && existing.CreatedAt >= now.AddMinutes(-rules.DuplicateWindowMinutes))
        {
            SiteMetrics.CommentStored(existing.Status, verdict.Reason, created: false);
            return new(CommentPostOutcome.Accepted, existing.Id, existing.Status);
        }

        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = form.ParentId,
            AuthorName = name,
            AuthorEmail = email,
            BodyHtml = bodyHtml,
            Status = verdict.Status,
            StatusReason = Truncate(verdict.Reason, FieldLengths.StatusReason),
            CreatedAt = now,
            IpAddress = Truncate(client.IpAddress, FieldLengths.IpAddress),
            UserAgent = Truncate(client.UserAgent, FieldLengths.UserAgent),
            DedupeKey = rules.DuplicateWindowMinutes > 0 ? DedupeKey(article.Id, email, bodyHtml, previous?.Id) : null,
        };
        db.Comments.Add(comment);
        CommentMail.Posted(db, comment, form.NotifyReplies, now);
        try
        {
            // Waits for this process's turn without a thread; only the writer whose turn it is waits inside SQLite.
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (comment.DedupeKey is not null && DatabaseErrors.IsUniqueViolation(ex))
        {
            // An identical post won the race (it found the same previous comment, so it made the same key): that one
            // stands, this one is the duplicate.
            db.ChangeTracker.Clear();
            var winner = await db.Comments.AsNoTracking()
                .Where(c => c.DedupeKey == comment.DedupeKey)
                .Select(c => new { c.Id, c.Status })
                .SingleOrDefaultAsync(cancellationToken);
            if (winner is null)
            {
                throw;
            }

            SiteMetrics.CommentStored(winner.Status, verdict.Reason, created: false);
            return new(CommentPostOutcome.Accepted, winner.Id, winner.Status);
        }

        SiteMetrics.CommentStored(comment.Status, verdict.Reason, created: true);
        return new(CommentPostOutcome.Accepted, comment.Id, comment.Status, Created: true);
    }

    /// <summary>The honeypot and the timing check. A bot is answered like a person but its comment is spam.</summary>
    private async Task<CommentVerdict?> BotVerdictAsync(CommentForm form, int articleId, CommentOptions rules)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            return new(CommentStatus.Spam, "Bot check: the hidden honeypot field was filled in.");
        }

        var (stamp, age) = await _stamp.CheckAsync(form.Stamp, articleId, FormStamp.CommentForm);
        switch (stamp)
        {
            case StampVerdict.Missing or StampVerdict.Forged:
                return new(CommentStatus.Spam, "Bot check: the form timestamp was missing or forged.");
            case StampVerdict.Expired:
                return new(CommentStatus.Spam, $"Bot check: the form was shown {age.TotalHours:0} hours before it was posted (at most {rules.FormStampMaxAgeHours}): a replayed form.");
        }

        if (age < TimeSpan.FromSeconds(rules.MinSecondsToPost))
        {
            return new(CommentStatus.Spam, $"Bot check: posted {Math.Max(0, age.TotalSeconds):0.0} s after the form was shown (minimum {rules.MinSecondsToPost} s).");
        }

        return null;
    }

    /// <summary>The newest comment with this email and text on this article, if any.</summary>
    private async Task<(int Id, CommentStatus Status, DateTime CreatedAt)?> LatestIdenticalAsync(
        int articleId, string email, string bodyHtml, CancellationToken cancellationToken)
    {
        var match = await db.Comments.AsNoTracking()
            .Where(c => c.AuthorEmail == email && c.ArticleId == articleId && c.BodyHtml == bodyHtml)
            .OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Status, c.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return match is null ? null : (match.Id, match.Status, match.CreatedAt);
    }

    /// <summary>
    /// The unique key of a reader's post: article, email, text and the identical comment before it (none, or the one
    /// outside the duplicate window). Two posts racing find the same previous comment, so they make the same key and
    /// the database stores one of them, whatever the clock says; a time bucket would let two posts either side of
    /// its boundary through. An edit clears the key: the comment no longer stands for that text.
    /// </summary>
    internal static string DedupeKey(int articleId, string email, string bodyHtml, int? previousId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{articleId}\n{email}\nafter:{previousId ?? 0}\n{bodyHtml}"));
        return Convert.ToHexStringLower(bytes);
    }

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
