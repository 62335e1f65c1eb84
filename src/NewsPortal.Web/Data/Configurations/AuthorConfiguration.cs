namespace NewsPortal.Web.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(FieldLengths.AuthorName);
        builder.HasUniqueSlug();
        builder.Property(a => a.Title).HasMaxLength(FieldLengths.AuthorTitle);
        builder.Property(a => a.Bio).HasMaxLength(FieldLengths.AuthorBio);
        builder.Property(a => a.Links).HasMaxLength(FieldLengths.AuthorLinks);

        // A photo deleted from the library, or an account deleted, leaves the byline without it rather than blocking.
        builder.HasOne<MediaItem>().WithMany().HasForeignKey(a => a.PhotoMediaItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.StaffUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ArticleCoAuthorConfiguration : IEntityTypeConfiguration<ArticleCoAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleCoAuthor> builder)
    {
        builder.HasKey(c => new { c.ArticleId, c.AuthorId });

        // The author page lists a byline's articles from here as well as from Articles.AuthorId.
        builder.HasIndex(c => c.AuthorId);
        builder.HasOne(c => c.Article).WithMany(a => a.CoAuthors).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
