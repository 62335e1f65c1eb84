namespace NewsPortal.Web.Data;

/// <summary>
/// The embedded-database flavour of <see cref="NewsDbContext"/>. It exists so SQLite gets its own migration
/// set. The mapping is shared (times are UTC <see cref="DateTime"/>, which both providers order and compare); what
/// only SQLite needs is added here.
/// </summary>
public sealed class SqliteNewsDbContext(DbContextOptions<SqliteNewsDbContext> options) : NewsDbContext(options)
{
    /// <summary>
    /// <c>IX_Articles_SearchRanking</c>: what the reader search reads of each of its up to 200 candidates (visibility,
    /// section, date, and the headline and standfirst it ranks by), in an index looked up by Id. An article's row holds
    /// its body before those columns, so reading them from the row pulls in the body's overflow pages: on 100,000
    /// articles that was about half of the ranking query's time (docs/performance.md). SQL Server ranks in its
    /// full-text engine and has no such query.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Domain.Article>().HasIndex(
            a => new { a.Id, a.Status, a.PublishedAt, a.CategoryId, a.AuthorId, a.Headline, a.Standfirst },
            "IX_Articles_SearchRanking");
    }
}
