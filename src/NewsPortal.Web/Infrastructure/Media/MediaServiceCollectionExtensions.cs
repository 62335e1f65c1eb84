using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Infrastructure.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>Variants are served here; their names are content hashes, so the answer never changes.</summary>
    public const string RequestPath = "/media";

    public static IServiceCollection AddMediaLibrary(this IServiceCollection services)
    {
        services.AddCheckedOptions<MediaOptions>(MediaOptions.SectionName);
        services.AddSingleton<IMediaStore, FolderMediaStore>();
        services.AddSingleton<ImageIntake>();
        services.AddSingleton<MediaWorkSignal>();
        services.AddScoped<MediaProcessor>();
        services.AddHostedService<MediaProcessingService>();
        services.AddScoped<Features.AdminMedia.MediaUploadLimit>();
        services.AddScoped<Features.AdminMedia.UploadMedia>();
        services.AddScoped<Features.AdminMedia.MediaLibrary>();
        services.AddScoped<Features.AdminMedia.DeleteMedia>();

        // libvips keeps recent operations' results for reuse; an upload server never asks twice, so the cache only holds memory.
        NetVips.Cache.Max = 0;
        return services;
    }

    /// <summary>Serves <c>/media/{hash}.{avif|webp|jpg}</c> from the store's variants folder (ETag and Last-Modified from the file).</summary>
    public static IApplicationBuilder UseMediaFiles(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<IMediaStore>();
        var types = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".avif"] = "image/avif",
            [".webp"] = "image/webp",
            [".jpg"] = "image/jpeg",
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = RequestPath,
            FileProvider = new PhysicalFileProvider(store.VariantsFolder),
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable",
        });
    }
}
