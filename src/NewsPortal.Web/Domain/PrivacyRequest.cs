namespace NewsPortal.Web.Domain;

/// <summary>
/// The privacy form's memory of one address, keyed by a keyed hash of it (never the address): when it was last asked
/// for and when a link was last mailed to it. Every request writes this row, whether or not the site holds anything
/// for the address, so the answer costs the same either way; the mail cool-down reads it.
/// </summary>
public class PrivacyRequest
{
    /// <summary>Lowercase hex HMAC-SHA256 of the normalised address.</summary>
    public required string AddressKey { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastRequestAt { get; set; }

    /// <summary>UTC; null until a link was mailed. A concurrency token, so two requests at once mail once.</summary>
    public DateTime? LastMailAt { get; set; }
}
