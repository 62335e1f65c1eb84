namespace NewsPortal.Web.Domain;

/// <summary>
/// A random key the site makes for itself once and every instance reads from the database (e.g. the key that
/// signs the comment form's stamp). Protect the database as you would the key.
/// </summary>
public class SiteSecret
{
    public required string Name { get; set; }

    public required byte[] Value { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
