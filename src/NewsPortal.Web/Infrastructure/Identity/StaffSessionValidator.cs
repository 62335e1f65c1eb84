namespace NewsPortal.Web.Infrastructure.Identity;

/// <summary>
/// Checks a staff cookie against the database on every request: the account must exist, not be disabled and still
/// carry the security stamp the cookie was issued with (logout, a password change or reset, a role change and
/// disabling all change it). Identity's own validator does the same check but then re-issues the cookie on every
/// request when the interval is zero; this one only accepts or rejects, so a signed-in response carries no cookie
/// unless sliding expiration renews it.
/// </summary>
public sealed class StaffSessionValidator : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<StaffUser>>();
        var user = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || user.IsDisabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
