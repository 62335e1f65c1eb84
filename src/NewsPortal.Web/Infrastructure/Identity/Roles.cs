namespace NewsPortal.Web.Infrastructure.Identity;

public static class Roles
{
    /// <summary>Everything, including staff accounts and settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Writes and publishes articles.</summary>
    public const string Editor = "Editor";

    /// <summary>Works the comment queue.</summary>
    public const string Moderator = "Moderator";

    /// <summary>Writes their own stories and submits them for review; never publishes.</summary>
    public const string Reporter = "Reporter";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Moderator, Reporter];
}

public static class Policies
{
    /// <summary>The comment queue and the dashboard: Admin or Moderator.</summary>
    public const string Moderation = "Moderation";

    /// <summary>Articles: Admin or Editor.</summary>
    public const string Newsroom = "Newsroom";

    /// <summary>Anything under /admin: any staff role (see <see cref="Mvc.StaffAreaConvention"/>).</summary>
    public const string Staff = "Staff";

    /// <summary>The article list and editor: Admin, Editor or Reporter (what a reporter may do there is <c>ArticleAccess</c>'s rule).</summary>
    public const string Writing = "Writing";

    /// <summary>Staff accounts and site settings: Admin only.</summary>
    public const string Administration = "Administration";
}
