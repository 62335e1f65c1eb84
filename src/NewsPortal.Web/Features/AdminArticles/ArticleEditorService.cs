namespace NewsPortal.Web.Features.AdminArticles;

public sealed record ArticleSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>Someone else saved after this editor opened the story: nothing was saved (Revisions/ArticleConflicts).</summary>
    public Revisions.ArticleConflict? Conflict { get; init; }

    public bool Succeeded => Errors.Count == 0 && Conflict is null;
}

/// <summary>The newsroom's editor: write, publish, schedule and unpublish articles (the list is <see cref="ArticleList"/>).</summary>
public sealed class ArticleEditorService(
    NewsDbContext db, SiteClock clock, PublishTimes times, ArticleSanitizer sanitizer, ImageOrigins imageOrigins, SqliteWriteGate gate,
    Revisions.ArticleConflicts conflicts, Revisions.RevisionRecorder revisions, ArticleReview review)
{
    /// <summary>What an editor is told about an image from a site readers' browsers would not load it from.</summary>
    public static string ImageOriginMessage(ImageOrigins origins, string what) => origins.Origins.Count == 0
        ? $"{what} from other sites cannot be shown to readers. Use an image on this site (a path such as /images/articles/harbour.svg), or ask an administrator to add the image's site to Content:ImageOrigins."
        : $"{what} from other sites can only come from {string.Join(", ", origins.Origins)}. Use one of those or a path on this site, or ask an administrator to add the image's site to Content:ImageOrigins.";

    /// <summary>
    /// Validates and saves. A changed slug of a published article leaves a 301 from the old URL. When another editor
    /// stores the same slug or a new tag between the checks and the save (a unique index says so), it looks again
    /// once: the slug is then reported as taken and the tag is the one just made.
    /// </summary>
    public async Task<ArticleSaveResult> SaveAsync(int? id, ArticleForm form, ArticleIntent intent, ArticleActor actor, CancellationToken cancellationToken)
    {
        try
        {
            return await SaveOnceAsync(id, form, intent, actor, cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save of the story committed between this one's load and its write: looked at again, it is a conflict.
            db.ChangeTracker.Clear();
        }

        try
        {
            return await SaveOnceAsync(id, form, intent, actor, cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new(id, new Dictionary<string, string>
            {
                [string.Empty] = "Someone else saved a conflicting change at the same moment. Nothing was saved: check the form and save again.",
            });
        }
    }

    private async Task<ArticleSaveResult> SaveOnceAsync(int? id, ArticleForm form, ArticleIntent intent, ArticleActor actor, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var errors = new Dictionary<string, string>();
        Article? article = null;
        if (id is { } existing)
        {
            article = await db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == existing, cancellationToken);
            if (article is null)
            {
                return new(null, new Dictionary<string, string> { [string.Empty] = "That article no longer exists." });
            }

            if (await conflicts.FindAsync(article, form, intent, cancellationToken) is { } conflict)
            {
                return new(id, new Dictionary<string, string>()) { Conflict = conflict };
            }
        }

        var before = article is null ? null : Revisions.ArticleSnapshot.Of(article, await CoAuthorList.OfAsync(db, article.Id, cancellationToken));

        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slugs.From(form.Headline!) : form.Slug.Trim();
        if (slug.Length == 0)
        {
            errors[nameof(ArticleForm.Slug)] = "Could not make a slug from the headline; please type one.";
        }
        else if (await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != (id ?? 0), cancellationToken)
                 || await db.ArticleSlugRedirects.AnyAsync(r => r.OldSlug == slug && r.ArticleId != (id ?? 0), cancellationToken))
        {
            errors[nameof(ArticleForm.Slug)] = $"The address /news/{slug} is already used by another article. Choose another slug.";
        }

        if (!await db.Categories.AnyAsync(c => c.Id == form.CategoryId, cancellationToken))
        {
            errors[nameof(ArticleForm.CategoryId)] = "Choose a section.";
        }

        if (!await db.Authors.AnyAsync(a => a.Id == form.AuthorId, cancellationToken))
        {
            errors[nameof(ArticleForm.AuthorId)] = "Choose the author.";
        }

        await CoAuthorList.CheckAsync(db, id, form, errors, cancellationToken);

        if (!string.IsNullOrWhiteSpace(form.HeroImageUrl) && !imageOrigins.IsAllowed(form.HeroImageUrl))
        {
            errors[nameof(ArticleForm.HeroImageUrl)] = ImageOriginMessage(imageOrigins, "Images");
        }

        if (!string.IsNullOrWhiteSpace(form.HeroImageUrl) && string.IsNullOrWhiteSpace(form.HeroImageAlt))
        {
            errors[nameof(ArticleForm.HeroImageAlt)] = "Describe the image for readers who cannot see it.";
        }

        DateTime? scheduledUtc = null;
        if (intent == ArticleIntent.Schedule)
        {
            if (form.PublishAt is not { } local)
            {
                errors[nameof(ArticleForm.PublishAt)] = "Choose when the article should appear.";
            }
            else if (times.ScheduledUtc(local, form.PublishAtOffset, out var problem) is { } utc)
            {
                scheduledUtc = utc;
                if (scheduledUtc <= now)
                {
                    errors[nameof(ArticleForm.PublishAt)] = "That time has passed. Choose a time in the future, or publish now.";
                }
            }
            else
            {
                errors[nameof(ArticleForm.PublishAt)] = problem!;
            }
        }

        var body = sanitizer.Sanitize(form.BodyHtml!);
        if (sanitizer.ImagesFromOtherSites(form.BodyHtml!) is [_, ..] foreign)
        {
            errors[nameof(ArticleForm.BodyHtml)] = $"{ImageOriginMessage(imageOrigins, "Images in the body")} Not allowed: {string.Join(", ", foreign.Take(3))}.";
        }
        else if (string.IsNullOrWhiteSpace(CommentSanitizer.ToPlainText(body)) && !body.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            errors[nameof(ArticleForm.BodyHtml)] = "Nothing is left of the body once unsafe markup is removed.";
        }

        if (errors.Count > 0)
        {
            return new(id, errors);
        }

        var wasVisible = article?.IsVisibleAt(now) ?? false;
        var statusBefore = article?.Status;
        var slugChanged = article is not null && article.Slug != slug;
        if (article is null)
        {
            article = new Article { Slug = slug, Headline = form.Headline!, Standfirst = form.Standfirst!, BodyHtml = body, CreatedAt = now };
            db.Articles.Add(article);
        }
        else if (article.Slug != slug)
        {
            if (wasVisible)
            {
                db.ArticleSlugRedirects.Add(new ArticleSlugRedirect { OldSlug = article.Slug, Article = article, CreatedAt = now });
            }
        }

        article.Slug = slug;
        article.Headline = form.Headline!.Trim();
        article.Standfirst = form.Standfirst!.Trim();
        article.BodyHtml = body;
        article.CategoryId = form.CategoryId;
        article.AuthorId = form.AuthorId;
        article.HeroImageUrl = string.IsNullOrWhiteSpace(form.HeroImageUrl) ? null : form.HeroImageUrl.Trim();
        article.HeroImageAlt = article.HeroImageUrl is null ? null : form.HeroImageAlt?.Trim();
        article.HeroImageCaption = article.HeroImageUrl is null ? null : form.HeroImageCaption?.Trim();
        article.CommentsOpen = form.CommentsOpen;
        article.Tags = await TagsAsync(form.Tags, cancellationToken);
        await CoAuthorList.ApplyAsync(db, article, form, cancellationToken);

        switch (intent)
        {
            case ArticleIntent.SaveDraft:
            case ArticleIntent.Unpublish:
                article.Status = ArticleStatus.Draft;
                break;
            case ArticleIntent.Publish:
                article.Status = ArticleStatus.Published;
                if (!wasVisible)
                {
                    article.PublishedAt = now;
                }

                break;
            case ArticleIntent.Schedule:
                article.Status = ArticleStatus.Scheduled;
                article.PublishedAt = scheduledUtc;
                break;
        }

        // Readers are told a story they could already read was updated only when the editor says the change is
        // substantive (a typo fixed is not news).
        if (wasVisible && article.IsVisibleAt(now) && form.SubstantiveChange)
        {
            article.UpdatedAt = now;
        }

        await revisions.AddAsync(article, CoAuthorList.Chosen(form), before, form.KeepMine ? RevisionReason.KeptOverConflict : RevisionReason.Saved, null, cancellationToken);

        // Review state, history and the reporter's mail commit with the story.
        await review.ApplyAsync(new ArticleSaving(article, statusBefore, intent, actor, form.ReviewNote), cancellationToken);

        // The reader cache hears of it from the save itself, after the commit.
        if (!slugChanged)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(article.Id, new Dictionary<string, string>());
        }

        // An article taking back an address it redirects from (its own earlier slug) drops that redirect. The bulk
        // DELETE and the save commit together: a save that fails keeps the old address's 301. The DELETE is not seen
        // by the reader cache's interceptor; it needs no signal of its own, since the save changes the slug, which
        // the cache hears of when readers can see the article, and a redirect to an article readers cannot see is
        // never followed. One transaction, so: this process's turn to write on SQLite, and the retrying strategy on
        // SQL Server (changes are accepted only once the transaction has committed, so a retry saves them again).
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                try
                {
                    await db.ArticleSlugRedirects.Where(r => r.OldSlug == slug).ExecuteDeleteAsync(cancellationToken);
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch
                {
                    // Said out loud, so the save's interceptors forget what they noted for this transaction.
                    await transaction.RollbackAsync(CancellationToken.None);
                    throw;
                }
            });
        }

        db.ChangeTracker.AcceptAllChanges();
        return new(article.Id, new Dictionary<string, string>());
    }

    private async Task<List<Tag>> TagsAsync(string? text, CancellationToken cancellationToken)
    {
        var names = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Length > FieldLengths.TagName ? n[..FieldLengths.TagName] : n)
            .Where(n => Slugs.From(n).Length > 0)
            .DistinctBy(n => Slugs.From(n))
            .Take(20)
            .ToList();
        var slugs = names.Select(n => Slugs.From(n)).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        return names.Select(n => existing.FirstOrDefault(t => t.Slug == Slugs.From(n)) ?? new Tag { Name = n.ToLowerInvariant(), Slug = Slugs.From(n) }).ToList();
    }
}
