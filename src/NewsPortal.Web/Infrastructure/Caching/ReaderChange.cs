namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>What kind of change readers can see. Each kind has its own version in <see cref="ReaderCache"/>.</summary>
public enum ReaderChange
{
    /// <summary>
    /// A comment appeared, disappeared or changed on a published page: article pages and every list that shows
    /// comment counts (front page, sections, tags, an article's related news) must be rebuilt.
    /// </summary>
    Comments = 1,

    /// <summary>
    /// An article, section, tag, author or the comment settings changed: anything readers see may have moved.
    /// Entries that depend on comments depend on articles too, so this invalidates everything.
    /// </summary>
    Articles = 2,
}
