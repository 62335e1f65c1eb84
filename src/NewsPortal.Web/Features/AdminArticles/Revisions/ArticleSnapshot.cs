namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <summary>
/// The values of a story a revision keeps, to compare one state with another. <see cref="CoAuthorIds"/> is the
/// co-authors as <see cref="CoAuthorList.Format"/> writes them (rows of their own, so passed in beside the story).
/// </summary>
public sealed record ArticleSnapshot(
    string Headline, string Standfirst, string BodyHtml, int CategoryId, int AuthorId, string CoAuthorIds,
    string? HeroImageUrl, string? HeroImageAlt, string? HeroImageCaption, ArticleStatus Status)
{
    public static ArticleSnapshot Of(Article a, IEnumerable<int> coAuthors) =>
        new(a.Headline, a.Standfirst, a.BodyHtml, a.CategoryId, a.AuthorId, CoAuthorList.Format(coAuthors),
            a.HeroImageUrl, a.HeroImageAlt, a.HeroImageCaption, a.Status);

    public static ArticleSnapshot Of(ArticleRevision r) =>
        new(r.Headline, r.Standfirst, r.BodyHtml, r.CategoryId, r.AuthorId, r.CoAuthorIds, r.HeroImageUrl, r.HeroImageAlt, r.HeroImageCaption, r.Status);

    /// <summary>The fields (names from <see cref="RevisionFields"/>) that differ from <paramref name="before"/>; all of them for a new story.</summary>
    public IReadOnlyList<string> ChangedFrom(ArticleSnapshot? before)
    {
        if (before is null)
        {
            return RevisionFields.All;
        }

        var changed = new List<string>();
        if (Headline != before.Headline)
        {
            changed.Add(RevisionFields.Headline);
        }

        if (Standfirst != before.Standfirst)
        {
            changed.Add(RevisionFields.Standfirst);
        }

        if (BodyHtml != before.BodyHtml)
        {
            changed.Add(RevisionFields.Body);
        }

        if (CategoryId != before.CategoryId)
        {
            changed.Add(RevisionFields.Section);
        }

        if (AuthorId != before.AuthorId || CoAuthorIds != before.CoAuthorIds)
        {
            changed.Add(RevisionFields.Byline);
        }

        if (HeroImageUrl != before.HeroImageUrl || HeroImageAlt != before.HeroImageAlt || HeroImageCaption != before.HeroImageCaption)
        {
            changed.Add(RevisionFields.HeroImage);
        }

        if (Status != before.Status)
        {
            changed.Add(RevisionFields.Status);
        }

        return changed;
    }
}
