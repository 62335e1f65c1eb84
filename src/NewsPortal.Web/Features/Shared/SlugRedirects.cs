namespace NewsPortal.Web.Features.Shared;

public static class SlugRedirects
{
    /// <summary>
    /// A page's address changes from <paramref name="oldSlug"/> to <paramref name="newSlug"/>: the old address keeps
    /// answering (the redirect <paramref name="redirectFrom"/> makes), and an address the page takes back stops
    /// redirecting to itself. Saved with the rename.
    /// </summary>
    public static async Task RenameAsync<TRedirect>(
        DbSet<TRedirect> redirects, string oldSlug, string newSlug, Func<string, TRedirect> redirectFrom, CancellationToken cancellationToken)
        where TRedirect : class, ISlugRedirect
    {
        if (oldSlug == newSlug)
        {
            return;
        }

        redirects.RemoveRange(await redirects.Where(r => r.OldSlug == newSlug).ToListAsync(cancellationToken));
        redirects.Add(redirectFrom(oldSlug));
    }
}
