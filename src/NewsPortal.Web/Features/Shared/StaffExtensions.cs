namespace NewsPortal.Web.Features.Shared;

public static class StaffExtensions
{
    /// <summary>The signed-in staff member as recorded in history entries (their email, which is their user name).</summary>
    public static string StaffName(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
