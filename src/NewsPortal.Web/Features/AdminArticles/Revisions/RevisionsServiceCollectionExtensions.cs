namespace NewsPortal.Web.Features.AdminArticles.Revisions;

public static class RevisionsServiceCollectionExtensions
{
    /// <summary>Revisions, autosave slots, conflict detection and presence for the article editor.</summary>
    public static IServiceCollection AddArticleRevisions(this IServiceCollection services)
    {
        services.AddCheckedOptions<RevisionOptions>(RevisionOptions.SectionName);
        return services.AddHttpContextAccessor()
            .AddScoped<CurrentStaff>().AddScoped<RevisionRecorder>().AddScoped<ArticleConflicts>().AddScoped<AutosaveSlots>()
            .AddScoped<EditorStarts>().AddScoped<PresenceTracker>().AddScoped<RevisionHistory>().AddScoped<RestoreRevision>()
            .AddScoped<RevisionPruner>()
            .AddHostedService<RevisionPruningService>();
    }
}
