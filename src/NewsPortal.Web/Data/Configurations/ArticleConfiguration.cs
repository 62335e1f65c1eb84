namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasUniqueSlug();
        builder.HasStoryTextLengths();

        // The review queue (oldest first) and a reporter's own stories.
        builder.Property(a => a.CreatedById).HasMaxLength(450);
        builder.HasMaxLength(FieldLengths.ReviewNote, a => a.SubmissionNote, a => a.SentBackNote);
        builder.HasIndex(a => a.SubmittedAt);
        builder.HasIndex(a => a.CreatedById);

        // Every reader list is "published before now, newest first", optionally within a section: the database
        // walks these from the newest end and stops after a page, whatever the size of the archive.
        // Status rides along so "is it a draft?" is answered from the index, without reading the (large) row.
        builder.HasIndex(a => new { a.PublishedAt, a.Status });
        builder.HasIndex(a => new { a.CategoryId, a.PublishedAt, a.Status });

        // The next scheduled article the reader cache waits for.
        builder.HasIndex(a => new { a.Status, a.PublishedAt });

        // The newsroom's list, newest first, all articles or one status: a page is a short walk along one of these
        // (Id, the tie-breaker, is in every index on both providers). A computed column because SQL Server can index
        // an expression only through one; not stored, so adding it rewrites no rows, and both providers index it.
        builder.Property(a => a.ListedAt).HasComputedColumnSql("COALESCE([PublishedAt], [CreatedAt])", stored: false);
        builder.HasIndex(a => a.ListedAt);
        builder.HasIndex(a => new { a.Status, a.ListedAt });

        // The newsroom's search asks "is article X of this status?" for each hit of the article index: this index
        // (Status, then the id every index carries) answers without reading the article's row, body and all.
        builder.HasIndex(a => a.Status);

        builder.Property(a => a.EditVersion).IsConcurrencyToken();

        builder.HasOne(a => a.Author).WithMany(a => a.Articles).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Category).WithMany(c => c.Articles).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity(
            "ArticleTag",
            r => r.HasOne(typeof(Tag)).WithMany().HasForeignKey("TagId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Article)).WithMany().HasForeignKey("ArticleId").OnDelete(DeleteBehavior.Cascade),
            j =>
            {
                j.HasKey("ArticleId", "TagId");
                // Tag pages and related news go from a tag to its articles.
                j.HasIndex("TagId", "ArticleId");
            });
    }
}
