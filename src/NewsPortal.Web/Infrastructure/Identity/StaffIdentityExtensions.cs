using NewsPortal.Web.Features.Account;

namespace NewsPortal.Web.Infrastructure.Identity;

public static class StaffIdentityExtensions
{
    public const string AuthCookieName = "np_auth";

    /// <summary>
    /// ASP.NET Core Identity for staff on <see cref="NewsDbContext"/>: NIST-style passwords (length, no
    /// composition rules), no lockout after failures (sign-in attempts are throttled per account and client instead,
    /// see <see cref="SignInAccountThrottle"/>, so a stranger's guesses never lock the owner out), and the security stamp checked on every
    /// request (<see cref="StaffSessionValidator"/>, which never re-issues the cookie) so logout, a password change,
    /// a role change or a disabled account take effect at once.
    /// </summary>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);

        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = FieldLengths.PasswordMin;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Failures never lock (the sign-in passes lockoutOnFailure: false); a LockoutEnd set by hand still applies.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddDefaultTokenProviders();

        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, StaffSessionValidator>());

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AuthCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // Change the existing events: Identity has already hooked the security-stamp check into them.
            // A signed-in user without the role gets a plain 403 page, not a bounce back to the login form.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };

            // The handler builds an absolute URL from the request's Host header; the site's public address is
            // used instead, so an unknown Host is never sent back in a Location header.
            o.Events.OnRedirectToLogin = context =>
            {
                var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
                var local = target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri;
                context.Response.Redirect(context.HttpContext.RequestServices.GetRequiredService<PublicUrls>().Redirect(context.Request, local));
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Moderation, p => p.RequireRole(Roles.Admin, Roles.Moderator))
            .AddPolicy(Policies.Newsroom, p => p.RequireRole(Roles.Admin, Roles.Editor))
            .AddPolicy(Policies.Writing, p => p.RequireRole(Roles.Admin, Roles.Editor, Roles.Reporter))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Admin));

        services.AddScoped<StaffBootstrapper>();
        services.AddSignInRateLimiting();
        return services;
    }
}
