namespace NewsPortal.Web.Domain;

/// <summary>An address a page (a section, a byline) had before it was renamed, which now answers 301 to the page.</summary>
public interface ISlugRedirect
{
    string OldSlug { get; }
}

/// <summary>A slug a page had before; each kind of page keeps its own table, with a foreign key to the page.</summary>
public abstract class SlugRedirect : ISlugRedirect
{
    public int Id { get; set; }
    public required string OldSlug { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>A slug an article was published under before; its URL answers 301 to the current one.</summary>
public class ArticleSlugRedirect : SlugRedirect
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
}

/// <summary>A slug a byline had before it was renamed; <c>/author/{OldSlug}</c> answers 301 to the current one.</summary>
public class AuthorSlugRedirect : SlugRedirect
{
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
}

/// <summary>A slug a section had before it was renamed; <c>/category/{OldSlug}</c> answers 301 to the current one.</summary>
public class CategorySlugRedirect : SlugRedirect
{
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
}
