using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminSections;

/// <summary>
/// The newsroom's sections: create, rename (the old address keeps answering, 301), describe, order, hide from the
/// navigation, delete (only when empty, or by moving the articles). The reader cache hears of every change from
/// the save itself (ReaderChangeInterceptor), and the search index of renames and moved articles likewise.
/// </summary>
public sealed class SectionAdmin(NewsDbContext db, SiteClock clock)
{
    public const string StaleMessage = "Someone else changed this section after you opened the form. The form now shows what you typed; the section is as shown in the note below. Check and save again.";
    public const string ConflictMessage = "Someone else saved a section with that name or address at the same moment. Nothing was saved: check the form and save again.";


    /// <summary>A fingerprint of what the edit form shows, so a save based on an older copy is noticed.</summary>
    public static string StampOf(Category c) => EditStamp.Of(c.Name, c.Slug, c.Description, c.HiddenFromNavigation);

    public async Task<SectionListViewModel> ListAsync(SectionForm? newSection, CancellationToken cancellationToken) => new()
    {
        Sections = await db.Categories.AsNoTracking()
            .OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new SectionRow(c.Id, c.Name, c.Slug, c.HiddenFromNavigation, c.Articles.Count()))
            .ToListAsync(cancellationToken),
        NewSection = newSection ?? new SectionForm(),
    };

    public async Task<SectionEditViewModel?> EditAsync(int id, SectionForm? typed, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return null;
        }

        var form = typed ?? SectionForm.Of(category);

        // A form shown again after a refused save carries the stamp of what is stored now, so saving it again works.
        form.Stamp = StampOf(category);
        return new SectionEditViewModel
        {
            Id = id,
            CurrentSlug = category.Slug,
            Form = form,
            OldSlugs = await db.CategorySlugRedirects.AsNoTracking().Where(r => r.CategoryId == id).OrderBy(r => r.OldSlug).Select(r => r.OldSlug).ToListAsync(cancellationToken),
        };
    }

    public async Task<ChangeResult> CreateAsync(SectionForm form, CancellationToken cancellationToken)
    {
        var (name, slug, errors) = await CheckAsync(null, form, cancellationToken);
        if (errors.Count > 0)
        {
            return new(false, errors);
        }

        var last = await db.Categories.MaxAsync(c => (int?)c.Position, cancellationToken) ?? -1;
        db.Categories.Add(new Category
        {
            Name = name,
            Slug = slug,
            Description = FormText.OrNull(form.Description),
            HiddenFromNavigation = form.HiddenFromNavigation,
            Position = last + 1,
        });
        return await SaveAsync(cancellationToken);
    }

    public async Task<ChangeResult> UpdateAsync(int id, SectionForm form, CancellationToken cancellationToken)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return ChangeResult.Missing;
        }

        if (form.Stamp != StampOf(category))
        {
            return ChangeResult.Error(string.Empty,
                $"{StaleMessage} Now: name \u201c{category.Name}\u201d, address /category/{category.Slug}{(category.HiddenFromNavigation ? ", hidden from the navigation" : string.Empty)}.");
        }

        var (name, slug, errors) = await CheckAsync(id, form, cancellationToken);
        if (errors.Count > 0)
        {
            return new(false, errors);
        }

        await SlugRedirects.RenameAsync(db.CategorySlugRedirects, category.Slug, slug,
            old => new CategorySlugRedirect { OldSlug = old, CategoryId = id, CreatedAt = clock.UtcNow }, cancellationToken);

        category.Name = name;
        category.Slug = slug;
        category.Description = FormText.OrNull(form.Description);
        category.HiddenFromNavigation = form.HiddenFromNavigation;
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Swaps the section with its neighbour above or below; positions are renumbered 0…n-1 on the way.</summary>
    public async Task<ChangeResult> MoveAsync(int id, bool up, CancellationToken cancellationToken)
    {
        var all = await db.Categories.OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var index = all.FindIndex(c => c.Id == id);
        if (index < 0)
        {
            return ChangeResult.Missing;
        }

        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < all.Count)
        {
            (all[index], all[other]) = (all[other], all[index]);
        }

        for (var i = 0; i < all.Count; i++)
        {
            all[i].Position = i;
        }

        return await SaveAsync(cancellationToken);
    }

    public async Task<SectionDeleteViewModel?> DeletionAsync(int id, DeleteSectionForm? form, CancellationToken cancellationToken)
    {
        var section = await db.Categories.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, Count = c.Articles.Count() })
            .SingleOrDefaultAsync(cancellationToken);
        if (section is null)
        {
            return null;
        }

        var targets = await db.Categories.AsNoTracking().Where(c => c.Id != id).OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return new SectionDeleteViewModel
        {
            Id = id,
            Name = section.Name,
            ArticleCount = section.Count,
            Form = form ?? new DeleteSectionForm(),
            Targets = targets.Select(t => new SelectListItem(t.Name, t.Id.ToString(CultureInfo.InvariantCulture), t.Id == form?.MoveToId)).ToList(),
        };
    }

    /// <summary>
    /// Deletes the section. With articles it needs a section to move them to; they move in the same save, and the
    /// deleted section's addresses (its own and those it redirected from) then answer 301 to that section.
    /// </summary>
    public async Task<ChangeResult> DeleteAsync(int id, DeleteSectionForm form, CancellationToken cancellationToken)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return ChangeResult.Missing;
        }

        var articles = await db.Articles.Where(a => a.CategoryId == id).ToListAsync(cancellationToken);
        if (articles.Count > 0 || form.MoveToId is not null)
        {
            if (form.MoveToId is not { } targetId || targetId == id)
            {
                return ChangeResult.Error(nameof(DeleteSectionForm.MoveToId),
                    $"{category.Name} has {Articles(articles.Count)}. Choose the section to move {(articles.Count == 1 ? "it" : "them")} to.");
            }

            if (!await db.Categories.AnyAsync(c => c.Id == targetId, cancellationToken))
            {
                return ChangeResult.Error(nameof(DeleteSectionForm.MoveToId), "That section no longer exists. Choose another.");
            }

            foreach (var article in articles)
            {
                article.CategoryId = targetId;
            }

            foreach (var redirect in await db.CategorySlugRedirects.Where(r => r.CategoryId == id).ToListAsync(cancellationToken))
            {
                redirect.CategoryId = targetId;
            }

            db.CategorySlugRedirects.Add(new CategorySlugRedirect { OldSlug = category.Slug, CategoryId = targetId, CreatedAt = clock.UtcNow });
        }

        db.Categories.Remove(category);
        try
        {
            return await SaveAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An article filed in this section between the count and the delete (the foreign key refuses the delete).
            db.ChangeTracker.Clear();
            return ChangeResult.Error(string.Empty, "An article was filed in this section while you were deleting it. Nothing was deleted: try again.");
        }
    }

    private static string Articles(int count) => count == 1 ? "1 article" : $"{count} articles";

    private async Task<(string Name, string Slug, Dictionary<string, string> Errors)> CheckAsync(int? id, SectionForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim() ?? string.Empty;
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slugs.From(name) : form.Slug.Trim();
        var self = id ?? 0;
        if (name.Length == 0)
        {
            errors[nameof(SectionForm.Name)] = "Give the section a name.";
        }
        // Sections are few: compared here, so "Sport" and "sport" clash on both providers whatever their collation.
        else if ((await db.Categories.Where(c => c.Id != self).Select(c => c.Name).ToListAsync(cancellationToken))
                 .Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors[nameof(SectionForm.Name)] = $"There is already a section called {name}. Choose another name.";
        }

        if (slug.Length == 0)
        {
            errors[nameof(SectionForm.Slug)] = "Could not make an address from the name; please type one.";
        }
        else if (await db.Categories.AnyAsync(c => c.Id != self && c.Slug == slug, cancellationToken))
        {
            errors[nameof(SectionForm.Slug)] = $"The address /category/{slug} belongs to another section. Choose another.";
        }
        else if (await UsedBeforeAsync(self, slug, cancellationToken))
        {
            errors[nameof(SectionForm.Slug)] = $"The address /category/{slug} still leads readers to another section, which used it before. Choose another.";
        }

        return (name, slug, errors);
    }

    /// <summary>Whether another section used <paramref name="slug"/> before (its old address still leads to it).</summary>
    internal Task<bool> UsedBeforeAsync(int self, string slug, CancellationToken cancellationToken) =>
        db.CategorySlugRedirects.AnyAsync(r => r.CategoryId != self && r.OldSlug == slug, cancellationToken);

    private Task<ChangeResult> SaveAsync(CancellationToken cancellationToken) => ChangeResult.SaveAsync(db, ConflictMessage, cancellationToken);
}
