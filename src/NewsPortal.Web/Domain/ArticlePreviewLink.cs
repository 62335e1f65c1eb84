namespace NewsPortal.Web.Domain;

/// <summary>
/// A preview link given to someone without an account (a lawyer, a source). The link's token is signed by the key
/// ring and names this row; the token itself is never stored. Revoking or expiring the row ends the link.
/// </summary>
public class ArticlePreviewLink : ArticleRecord<int>
{
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; the signed token carries the same expiry.</summary>
    public DateTime ExpiresAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>UTC; set once the link is revoked.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>UTC; the first time anyone opened it.</summary>
    public DateTime? FirstUsedAt { get; set; }
}
