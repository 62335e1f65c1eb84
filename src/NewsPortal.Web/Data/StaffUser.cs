namespace NewsPortal.Web.Data;

/// <summary>A member of staff who signs in to the admin area. Readers never have accounts.</summary>
public class StaffUser : IdentityUser
{
    /// <summary>Shown on staff replies and in the admin area.</summary>
    public string? DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in, and its sessions end at their next request.</summary>
    public bool IsDisabled { get; set; }
}
