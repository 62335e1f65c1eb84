namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>The "Content" section.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>
    /// Other sites articles may show images from, as https origins (<c>https://images.example.com</c>). Images on this
    /// site (paths) and nothing else are allowed when empty.
    /// </summary>
    public List<string> ImageOrigins { get; set; } = [];
}

/// <summary>
/// Where article images may come from: this site, plus the origins in <c>Content:ImageOrigins</c>. One list for the
/// article sanitizer, the article form's checks and the Content-Security-Policy's <c>img-src</c>, so an image the
/// newsroom may save is never one the reader's browser then refuses to load.
/// </summary>
public sealed class ImageOrigins(IEnumerable<string> origins)
{
    public const string InvalidMessage =
        "Content:ImageOrigins: each entry must be an https origin such as https://images.example.com (scheme, host and optionally a port; no path).";

    public static readonly ImageOrigins None = new([]);

    private readonly HashSet<string> _origins = new HashSet<string>(origins.Select(Normalize), StringComparer.OrdinalIgnoreCase);

    public ImageOrigins(IOptions<ContentOptions> options)
        : this(options.Value.ImageOrigins)
    {
    }

    /// <summary>The configured origins, normalised (lowercase host, no default port, no trailing slash).</summary>
    public IReadOnlyList<string> Origins => [.. _origins.Order(StringComparer.Ordinal)];

    /// <summary>True for an image on this site (a path) or on one of the configured https origins.</summary>
    public bool IsAllowed(string? url)
    {
        var value = url?.Trim();
        if (string.IsNullOrEmpty(value) || value.Contains('\\', StringComparison.Ordinal) || value.StartsWith("//", StringComparison.Ordinal))
        {
            // "//host/x" and "/\host/x" are other sites to a browser.
            return false;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !value.StartsWith('/'))
        {
            return uri.Scheme == Uri.UriSchemeHttps && _origins.Contains(uri.GetLeftPart(UriPartial.Authority));
        }

        // A path on this site ("/images/a.png", or relative to the article's address). A "name:" prefix is a scheme.
        return !value.Split('/', 2)[0].Contains(':', StringComparison.Ordinal);
    }

    public static bool IsValidOrigin(string? origin) =>
        Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.AbsolutePath == "/"
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment)
        && !origin!.Contains('*', StringComparison.Ordinal)
        && !origin.Trim().TrimEnd('/')[(Uri.UriSchemeHttps.Length + 3)..].Contains('/', StringComparison.Ordinal);

    private static string Normalize(string origin) => new Uri(origin.Trim(), UriKind.Absolute).GetLeftPart(UriPartial.Authority);
}

public static class ImageOriginsExtensions
{
    public static IServiceCollection AddImageOrigins(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.SectionName)
            .Validate(o => o.ImageOrigins.All(ImageOrigins.IsValidOrigin), ImageOrigins.InvalidMessage)
            .ValidateOnStart();
        services.AddSingleton(sp => new ImageOrigins(sp.GetRequiredService<IOptions<ContentOptions>>()));
        return services;
    }
}
