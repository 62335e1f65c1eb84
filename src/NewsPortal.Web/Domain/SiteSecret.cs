namespace NewsPortal.Web.Domain;

/// <summary>
/// A key of the signing scheme before the data-protection key ring (stored unencrypted). The site no longer makes
/// these; it only reads existing ones, to verify links, tokens and stamps issued under them (see SiteSecretStore).
/// </summary>
public class SiteSecret
{
    public required string Name { get; set; }

    public required byte[] Value { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
