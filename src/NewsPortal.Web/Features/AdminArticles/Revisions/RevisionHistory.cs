namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <param name="CreatedAt">UTC.</param>
public sealed record RevisionRow(
    long Id, DateTime CreatedAt, string CreatedByName, string ChangedFields, bool IsPublished, ArticleStatus Status,
    RevisionReason Reason, long? RestoredFromId);

/// <summary>A field compared as a whole (section, byline, hero image, status).</summary>
public sealed record FieldChange(string Field, string Before, string After);

public sealed record RevisionComparison(
    RevisionRow From, RevisionRow To, IReadOnlyList<DiffSegment> Headline, IReadOnlyList<DiffSegment> Standfirst,
    IReadOnlyList<DiffSegment> Body, IReadOnlyList<FieldChange> OtherChanges);

public sealed class RevisionsViewModel
{
    public int ArticleId { get; init; }
    public required string Headline { get; init; }
    public ArticleStatus Status { get; init; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RevisionRow> Revisions { get; init; } = [];

    public RevisionComparison? Comparison { get; init; }

    /// <summary>Set when the chosen revisions do not both belong to this story (e.g. one was pruned).</summary>
    public string? CompareProblem { get; init; }
}

/// <summary>A story's revisions page: the list and a word diff between any two.</summary>
public sealed class RevisionHistory(NewsDbContext db)
{
    /// <summary>Without a choice, the newest revision against the one before it.</summary>
    public async Task<RevisionsViewModel?> LoadAsync(int articleId, long? from, long? to, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.Headline, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var rows = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Id)
            .Select(r => new RevisionRow(r.Id, r.CreatedAt, r.CreatedByName, r.ChangedFields, r.IsPublished, r.Status, r.Reason, r.RestoredFromId))
            .ToListAsync(cancellationToken);

        string? problem = null;
        RevisionComparison? comparison = null;
        var fromId = from ?? (rows.Count > 1 ? rows[1].Id : null);
        var toId = to ?? (rows.Count > 0 ? rows[0].Id : null);
        if ((from is not null || to is not null) && (fromId is null || toId is null))
        {
            problem = "Choose two revisions to compare.";
        }
        else if (fromId is { } f && toId is { } t)
        {
            var pair = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId && (r.Id == f || r.Id == t)).ToListAsync(cancellationToken);
            var older = pair.SingleOrDefault(r => r.Id == f);
            var newer = pair.SingleOrDefault(r => r.Id == t);
            if (older is null || newer is null)
            {
                problem = "One of the chosen revisions is not a revision of this story (it may have been pruned). Choose two from the list.";
            }
            else
            {
                comparison = Compare(older, newer, rows);
            }
        }

        return new RevisionsViewModel
        {
            ArticleId = articleId,
            Headline = article.Headline,
            Status = article.Status,
            Revisions = rows,
            Comparison = comparison,
            CompareProblem = problem,
        };
    }

    private static RevisionComparison Compare(ArticleRevision older, ArticleRevision newer, List<RevisionRow> rows)
    {
        var others = new List<FieldChange>();
        void Field(string name, string before, string after)
        {
            if (before != after)
            {
                others.Add(new FieldChange(name, before, after));
            }
        }

        Field(RevisionFields.Section, older.SectionName, newer.SectionName);
        Field(RevisionFields.Byline, older.Bylines, newer.Bylines);
        Field("Hero image address", older.HeroImageUrl ?? "(none)", newer.HeroImageUrl ?? "(none)");
        Field("Hero image alt text", older.HeroImageAlt ?? "(none)", newer.HeroImageAlt ?? "(none)");
        Field("Hero image caption", older.HeroImageCaption ?? "(none)", newer.HeroImageCaption ?? "(none)");
        Field(RevisionFields.Status, older.Status.ToString(), newer.Status.ToString());
        return new RevisionComparison(
            rows.Single(r => r.Id == older.Id),
            rows.Single(r => r.Id == newer.Id),
            WordDiff.Text(older.Headline, newer.Headline),
            WordDiff.Text(older.Standfirst, newer.Standfirst),
            WordDiff.Html(older.BodyHtml, newer.BodyHtml),
            others);
    }
}
