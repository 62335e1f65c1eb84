namespace NewsPortal.Web.Infrastructure.Hosting;

public static class CompressionExtensions
{
    /// <summary>
    /// Compression where it pays and is safe. Static files are precompressed (Brotli and gzip) at build time and
    /// served by MapStaticAssets. Feeds and sitemaps are compressed here. HTML pages are not compressed here: they carry
    /// the visitor's antiforgery token, and compressing secrets next to reflected input invites BREACH. The shared
    /// article page compresses itself with its secrets left out (see <see cref="Compression.GzipWithHoles"/>).
    /// </summary>
    public static IServiceCollection AddNewsCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/rss+xml", "application/xml", "text/plain"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
