namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>
/// Headers every response carries. The policy allows only this site's own scripts and styles, and images from this
/// site and the origins in <c>Content:ImageOrigins</c> (<see cref="ImageOrigins"/>).
/// </summary>
public static class SecurityHeadersExtensions
{
    public static string ContentSecurityPolicy(ImageOrigins imageOrigins) =>
        $"default-src 'self'; img-src {string.Join(' ', ["'self'", "data:", .. imageOrigins.Origins])}; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<ImageOrigins>());
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
