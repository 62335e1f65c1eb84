namespace NewsPortal.Web.Domain;

public class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>Order of the section in the navigation and on the front page.</summary>
    public int Position { get; set; }

    public List<Article> Articles { get; set; } = [];
}
