namespace NewsPortal.Web.Infrastructure.Identity;

/// <summary>The bootstrap administrator. When both are set, start-up makes sure this account exists in role Admin.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
