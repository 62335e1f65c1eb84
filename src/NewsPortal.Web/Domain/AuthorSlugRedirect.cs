namespace NewsPortal.Web.Domain;

/// <summary>A slug a byline had before it was renamed; <c>/author/{OldSlug}</c> answers 301 to the current one.</summary>
public class AuthorSlugRedirect : ISlugRedirect
{
    public int Id { get; set; }
    public required string OldSlug { get; set; }

    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
