namespace NewsPortal.Web.Domain;

/// <summary>
/// A named page that lists articles, reached by its slug: a section (<see cref="Category"/>), a byline
/// (<see cref="Author"/>) or a <see cref="Tag"/>. Not mapped itself: each kind's table carries these columns.
/// </summary>
public abstract class ListingPage : ISluggedPage
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    public List<Article> Articles { get; set; } = [];
}
