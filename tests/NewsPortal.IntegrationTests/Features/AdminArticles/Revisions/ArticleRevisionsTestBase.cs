namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>The revision site, its editor and the stored revisions of a story, shared by the revision tests.</summary>
public abstract class ArticleRevisionsTestBase(RevisionSite site)
{
    private protected const string Editor = "rev-editor@test.example";
    private protected readonly RevisionSite _site = site;

    private protected Task<List<ArticleRevision>> RevisionsOfAsync(int id) =>
        _site.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
}
