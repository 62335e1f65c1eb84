namespace NewsPortal.Web.Features.AdminArticles.Revisions;

public static class RevisionsServiceCollectionExtensions
{
    /// <summary>Revisions, autosave slots, conflict detection and presence for the article editor.</summary>
    public static IServiceCollection AddArticleRevisions(this IServiceCollection services)
    {
        services.AddCheckedOptions<RevisionOptions>(RevisionOptions.SectionName);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<RevisionRecorder>();
        services.AddScoped<ArticleConflicts>();
        services.AddScoped<AutosaveSlots>();
        services.AddScoped<EditorStarts>();
        services.AddScoped<PresenceTracker>();
        services.AddScoped<RevisionHistory>();
        services.AddScoped<RestoreRevision>();
        services.AddScoped<RevisionPruner>();
        services.AddHostedService<RevisionPruningService>();
        return services;
    }
}
