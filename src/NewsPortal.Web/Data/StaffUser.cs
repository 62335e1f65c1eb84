using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Web.Data;

/// <summary>A member of staff who signs in to the admin area. Readers never have accounts.</summary>
public class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
