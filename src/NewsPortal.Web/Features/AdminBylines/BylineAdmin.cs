using NewsPortal.Web.Features.Authors;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminBylines;

/// <summary>
/// Bylines: the people who write, separate from staff accounts (a byline may name one). Create, edit, rename (the
/// old /author/ address answers 301), retire (no longer offered for new stories) and delete while unused.
/// </summary>
public sealed class BylineAdmin(NewsDbContext db, SiteClock clock)
{
    public const string StaleMessage = "Someone else changed this byline after you opened the form. The form shows what you typed; check it against the note and save again.";
    public const string ConflictMessage = "Someone else saved a byline with that address at the same moment. Nothing was saved: check the form and save again.";

    /// <summary>How many library images the photo list offers (newest first), besides the one already chosen.</summary>
    public const int PhotoChoices = 200;


    public static string StampOf(Author a) => EditStamp.Of(a.Name, a.Slug, a.Title, a.Bio, a.PhotoMediaItemId, a.StaffUserId, a.Links);

    /// <summary>Articles with this byline, first or co-author.</summary>
    private IQueryable<Article> ArticlesOf(int id) => db.Articles.Where(a => a.AuthorId == id || a.CoAuthors.Any(c => c.AuthorId == id));

    public async Task<BylineListViewModel> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Authors.AsNoTracking()
            .OrderBy(a => a.IsRetired).ThenBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Slug,
                a.Title,
                a.IsRetired,
                a.StaffUserId,
                Count = db.Articles.Count(x => x.AuthorId == a.Id || x.CoAuthors.Any(c => c.AuthorId == a.Id)),
            })
            .ToListAsync(cancellationToken);
        var accountIds = rows.Where(r => r.StaffUserId != null).Select(r => r.StaffUserId!).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return new BylineListViewModel
        {
            Bylines = rows.Select(r => new BylineRow(r.Id, r.Name, r.Slug, r.Title, r.IsRetired,
                r.StaffUserId is { } s ? accounts.GetValueOrDefault(s) : null, r.Count)).ToList(),
        };
    }

    public async Task<BylineEditViewModel> NewAsync(BylineForm? typed, CancellationToken cancellationToken) =>
        await WithChoicesAsync(null, null, false, typed ?? new BylineForm(), cancellationToken);

    public async Task<BylineEditViewModel?> EditAsync(int id, BylineForm? typed, CancellationToken cancellationToken)
    {
        var author = await db.Authors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (author is null)
        {
            return null;
        }

        var form = typed ?? BylineForm.Of(author);
        form.Stamp = StampOf(author);
        return await WithChoicesAsync(id, author.Slug, author.IsRetired, form, cancellationToken);
    }

    public async Task<ChangeResult> CreateAsync(BylineForm form, CancellationToken cancellationToken)
    {
        var (checkedForm, errors) = await CheckAsync(null, form, cancellationToken);
        if (errors.Count > 0)
        {
            return new(false, errors);
        }

        var author = new Author { Name = checkedForm.Name, Slug = checkedForm.Slug };
        Apply(author, checkedForm);
        db.Authors.Add(author);
        return await SaveAsync(cancellationToken);
    }

    public async Task<ChangeResult> UpdateAsync(int id, BylineForm form, CancellationToken cancellationToken)
    {
        var author = await db.Authors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (author is null)
        {
            return ChangeResult.Missing;
        }

        if (form.Stamp != StampOf(author))
        {
            return ChangeResult.Error(string.Empty, $"{StaleMessage} Now: {author.Name}, /author/{author.Slug}{(author.Title is null ? string.Empty : ", " + author.Title)}.");
        }

        var (checkedForm, errors) = await CheckAsync(id, form, cancellationToken);
        if (errors.Count > 0)
        {
            return new(false, errors);
        }

        await SlugRedirects.RenameAsync(db.AuthorSlugRedirects, author.Slug, checkedForm.Slug,
            old => new AuthorSlugRedirect { OldSlug = old, AuthorId = id, CreatedAt = clock.UtcNow }, cancellationToken);

        Apply(author, checkedForm);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>A retired byline stays on its articles and its page, but is no longer offered for new ones.</summary>
    public async Task<ChangeResult> RetireAsync(int id, bool retired, CancellationToken cancellationToken)
    {
        var author = await db.Authors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (author is null)
        {
            return ChangeResult.Missing;
        }

        author.IsRetired = retired;
        return await SaveAsync(cancellationToken);
    }

    public async Task<BylineDeleteViewModel?> DeletionAsync(int id, CancellationToken cancellationToken)
    {
        var name = await db.Authors.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        return name is null ? null : new BylineDeleteViewModel { Id = id, Name = name, ArticleCount = await ArticlesOf(id).CountAsync(cancellationToken) };
    }

    public async Task<ChangeResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var author = await db.Authors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (author is null)
        {
            return ChangeResult.Missing;
        }

        var count = await ArticlesOf(id).CountAsync(cancellationToken);
        if (count > 0)
        {
            return ChangeResult.Error(string.Empty,
                $"{author.Name} is the byline of {(count == 1 ? "1 article" : $"{count} articles")}, so it cannot be deleted. Retire it instead: it stays on those articles and is no longer offered for new ones.");
        }

        db.Authors.Remove(author);
        try
        {
            return await SaveAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Error(string.Empty, $"{author.Name} was put on an article while you were deleting it. Nothing was deleted.");
        }
    }

    private static void Apply(Author author, CheckedByline form)
    {
        author.Name = form.Name;
        author.Slug = form.Slug;
        author.Title = form.Title;
        author.Bio = form.Bio;
        author.PhotoMediaItemId = form.PhotoMediaItemId;
        author.StaffUserId = form.StaffUserId;
        author.Links = form.Links.Count == 0 ? null : string.Join('\n', form.Links);
    }

    private sealed record CheckedByline(string Name, string Slug, string? Title, string? Bio, int? PhotoMediaItemId, string? StaffUserId, IReadOnlyList<string> Links);

    private async Task<(CheckedByline Form, Dictionary<string, string> Errors)> CheckAsync(int? id, BylineForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var self = id ?? 0;
        var name = form.Name?.Trim() ?? string.Empty;
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slugs.From(name) : form.Slug.Trim();
        if (name.Length == 0)
        {
            errors[nameof(BylineForm.Name)] = "Give the byline a name.";
        }

        if (slug.Length == 0)
        {
            errors[nameof(BylineForm.Slug)] = "Could not make an address from the name; please type one.";
        }
        else if (await db.Authors.AnyAsync(a => a.Id != self && a.Slug == slug, cancellationToken))
        {
            errors[nameof(BylineForm.Slug)] = $"The address /author/{slug} belongs to another byline (two people with one name need different addresses, e.g. {slug}-2). Choose another.";
        }
        else if (await UsedBeforeAsync(self, slug, cancellationToken))
        {
            errors[nameof(BylineForm.Slug)] = $"The address /author/{slug} still leads readers to another byline, which used it before. Choose another.";
        }

        if (form.PhotoMediaItemId is { } photo && !await db.MediaItems.AnyAsync(m => m.Id == photo && m.State != MediaState.Failed, cancellationToken))
        {
            errors[nameof(BylineForm.PhotoMediaItemId)] = "That image is not in the media library (or could not be processed). Choose another.";
        }

        var account = FormText.OrNull(form.StaffUserId);
        if (account is not null)
        {
            if (!await db.Users.AnyAsync(u => u.Id == account, cancellationToken))
            {
                errors[nameof(BylineForm.StaffUserId)] = "That staff account no longer exists. Choose another, or none.";
            }
            else if (await db.Authors.Where(a => a.Id != self && a.StaffUserId == account).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) is { } other)
            {
                errors[nameof(BylineForm.StaffUserId)] = $"That staff account is already linked to the byline {other}. One account, one byline.";
            }
        }

        var links = (form.Links ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (links.Count > BylineForm.MaxLinks)
        {
            errors[nameof(BylineForm.Links)] = $"At most {BylineForm.MaxLinks} links, one a line.";
        }
        else if (links.FirstOrDefault(l => !Uri.TryCreate(l, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || l.Any(char.IsWhiteSpace)) is { } bad)
        {
            errors[nameof(BylineForm.Links)] = $"\u201c{(bad.Length > 60 ? bad[..60] + "…" : bad)}\u201d is not a web address. Write each link in full, starting with https://, one a line.";
        }

        return (new CheckedByline(name, slug, FormText.OrNull(form.Title), FormText.OrNull(form.Bio), form.PhotoMediaItemId, account, links), errors);
    }

    /// <summary>Whether another byline used <paramref name="slug"/> before (its old address still leads to it).</summary>
    internal Task<bool> UsedBeforeAsync(int self, string slug, CancellationToken cancellationToken) =>
        db.AuthorSlugRedirects.AnyAsync(r => r.AuthorId != self && r.OldSlug == slug, cancellationToken);

    private async Task<BylineEditViewModel> WithChoicesAsync(int? id, string? currentSlug, bool retired, BylineForm form, CancellationToken cancellationToken)
    {
        var chosen = form.PhotoMediaItemId ?? 0;
        var photos = await db.MediaItems.AsNoTracking()
            .Where(m => m.Id == chosen || (m.State == MediaState.Ready && m.Alt != null))
            .OrderByDescending(m => m.Id == chosen).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(PhotoChoices + 1)
            .Select(m => new { m.Id, m.DisplayName, m.Alt, m.State })
            .ToListAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        var photo = await BylinePhoto.LoadAsync(db, form.PhotoMediaItemId, form.Name ?? string.Empty, cancellationToken);
        return new BylineEditViewModel
        {
            Id = id,
            CurrentSlug = currentSlug,
            IsRetired = retired,
            Form = form,
            Photos = photos.OrderBy(p => p.Id != chosen).Select(p => new SelectListItem(
                $"{p.DisplayName}{(p.Alt is null ? string.Empty : " \u2013 " + p.Alt)}{(p.State == MediaState.Processing ? " (processing)" : string.Empty)}",
                p.Id.ToString(CultureInfo.InvariantCulture), p.Id == chosen)).ToList(),
            StaffAccounts = staff.Select(u => new SelectListItem(
                u.DisplayName is null ? u.Email : $"{u.DisplayName} ({u.Email})", u.Id, u.Id == form.StaffUserId)).ToList(),
            Photo = photo,
            PhotoProcessing = form.PhotoMediaItemId is not null && photo is null && photos.Any(p => p.Id == chosen && p.State == MediaState.Processing),
        };
    }

    private Task<ChangeResult> SaveAsync(CancellationToken cancellationToken) => ChangeResult.SaveAsync(db, ConflictMessage, cancellationToken);
}
