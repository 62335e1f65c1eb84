namespace NewsPortal.Web.Features.Shared;

/// <summary>
/// A fingerprint of what an edit form shows (the stored values it was filled from), carried in the form so a save
/// based on an older copy is noticed and refused rather than overwriting a colleague's change.
/// </summary>
public static class EditStamp
{
    public static string Of(params object?[] shown) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', shown))))[..16];
}
