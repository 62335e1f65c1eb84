namespace NewsPortal.Web.Features.Shared;

/// <summary>What a change on a newsroom page (a section, a byline) came to: done, refused with a message per field, or nothing to change (no such id).</summary>
public sealed record ChangeResult(bool NotFound, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly ChangeResult Done = new(false, new Dictionary<string, string>());
    public static readonly ChangeResult Missing = new(true, new Dictionary<string, string>());

    public bool Succeeded => !NotFound && Errors.Count == 0;

    public static ChangeResult Error(string field, string message) => new(false, new Dictionary<string, string> { [field] = message });

    /// <summary>
    /// Saves the change. A unique index refusing it (someone else saved the same name or address at that moment)
    /// comes back as <paramref name="conflictMessage"/> on the form, with nothing saved.
    /// </summary>
    public static async Task<ChangeResult> SaveAsync(NewsDbContext db, string conflictMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Done;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Error(string.Empty, conflictMessage);
        }
    }
}

public static class ChangeResultAnswers
{
    /// <summary>
    /// The answer to a form POST that made a change: 404 when there was nothing to change, the flash and a 303 to
    /// <paramref name="back"/> when it was done; otherwise null, with the refusals on the form's fields (named
    /// <paramref name="prefix"/> + field; an empty field is a message for the whole form) for the caller to show it again.
    /// </summary>
    public static IActionResult? Answer(this Controller controller, ChangeResult result, string prefix, string flash, string back)
    {
        if (result.NotFound)
        {
            return controller.NotFound();
        }

        if (result.Succeeded)
        {
            controller.TempData["Flash"] = flash;
            return new SeeOtherResult(back);
        }

        foreach (var (field, message) in result.Errors)
        {
            controller.ModelState.AddModelError(field.Length == 0 ? string.Empty : prefix + field, message);
        }

        return null;
    }
}
