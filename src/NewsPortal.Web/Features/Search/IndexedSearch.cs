using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Features.Search;

/// <summary>The full-text indexes as id sets that LINQ queries can compose with (<c>ids.Contains(c.Id)</c>).</summary>
public static class IndexedSearch
{
    /// <summary>Ids of comments whose text matches; the query's expression is a parameter.</summary>
    public static IQueryable<int> MatchingComments(NewsDbContext db, SearchQuery query) =>
        db.Database.IsSqlite()
            ? db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM CommentSearch WHERE CommentSearch MATCH {0}", query.ToFts5())
            : db.Database.SqlQueryRaw<int>("SELECT CommentId AS Value FROM CommentSearch WHERE CONTAINS(Body, {0})", query.ToContains());

    /// <summary>Ids of articles (drafts included: the newsroom's own index) whose indexed text matches.</summary>
    public static IQueryable<int> MatchingArticles(NewsDbContext db, SearchQuery query) =>
        db.Database.IsSqlite()
            ? db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {0}", query.ToFts5())
            : db.Database.SqlQueryRaw<int>("SELECT ArticleId AS Value FROM ArticleSearch WHERE CONTAINS((Headline, Standfirst, Body, Tags, Section, Byline), {0})", query.ToContains());
}
