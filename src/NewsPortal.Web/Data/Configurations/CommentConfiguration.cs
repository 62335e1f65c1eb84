namespace NewsPortal.Web.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(FieldLengths.CommentName);
        builder.Property(c => c.AuthorEmail).HasMaxLength(FieldLengths.CommentEmail);
        builder.Property(c => c.BodyHtml).HasMaxLength(FieldLengths.CommentBodyHtml);
        builder.Property(c => c.StatusReason).HasMaxLength(FieldLengths.StatusReason);
        builder.Property(c => c.IpAddress).HasMaxLength(FieldLengths.IpAddress);
        builder.Property(c => c.UserAgent).HasMaxLength(FieldLengths.UserAgent);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.DedupeKey).HasMaxLength(64).IsUnicode(false);

        builder.HasOne(c => c.Article).WithMany(a => a.Comments).OnDelete(DeleteBehavior.Cascade);

        // Replies are removed with care by the application; the database must not cascade along two paths.
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);

        // The article page: approved comments of one article, oldest first; counts per article.
        builder.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });

        // The moderation queue: one status, newest or oldest first, a page of ids read from the index alone (Id, the
        // tie-breaker, is in every index on both providers); also the per-status counts. With ArticleId first (above),
        // the queue of one article.
        builder.HasIndex(c => new { c.Status, c.CreatedAt });

        // The queue's search asks "is comment X of this status?" for each hit of the comment index: this index (Status,
        // then the id every index carries) answers from a few small pages, where the table would read a row's page
        // for each hit. It is also the smallest index to count comments per status from.
        builder.HasIndex(c => c.Status);

        // The dashboard's latest comments, whatever their status.
        builder.HasIndex(c => c.CreatedAt);

        // The duplicate guard and the "previously approved" rule look comments up by email.
        builder.HasIndex(c => new { c.AuthorEmail, c.Status });
        builder.HasIndex(c => c.ParentId);
        builder.HasIndex(c => c.DedupeKey).IsUnique();

        // The reported queue: illegal content first, then the longest waiting, a page of ids from the index alone.
        builder.HasIndex(c => new { c.ReportPriority, c.ReportedAt });
    }
}
