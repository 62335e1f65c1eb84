namespace NewsPortal.Web.Infrastructure.Identity;

public static class Roles
{
    /// <summary>Everything, including staff accounts and settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Writes and publishes articles.</summary>
    public const string Editor = "Editor";

    /// <summary>Works the comment queue.</summary>
    public const string Moderator = "Moderator";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Moderator];
}

public static class Policies
{
    /// <summary>The comment queue and the dashboard: Admin or Moderator.</summary>
    public const string Moderation = "Moderation";

    /// <summary>Articles: Admin or Editor.</summary>
    public const string Newsroom = "Newsroom";

    /// <summary>Anything under /admin: any staff role (see <see cref="Mvc.StaffAreaConvention"/>).</summary>
    public const string Staff = "Staff";

    /// <summary>Staff accounts and site settings: Admin only.</summary>
    public const string Administration = "Administration";
}
