namespace NewsPortal.Web.Domain;

public class Category : ListingPage
{
    /// <summary>Shown under the section page's heading and as its meta description; null: a generic sentence.</summary>
    public string? Description { get; set; }

    /// <summary>Order of the section in the navigation and on the front page.</summary>
    public int Position { get; set; }

    /// <summary>Left out of the masthead and footer navigation; its page and articles stay where they are.</summary>
    public bool HiddenFromNavigation { get; set; }
}
