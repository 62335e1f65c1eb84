namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleSlugRedirectConfiguration : IEntityTypeConfiguration<ArticleSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ArticleSlugRedirect> builder)
    {
        builder.Property(r => r.OldSlug).HasMaxLength(FieldLengths.Slug);
        builder.HasIndex(r => r.OldSlug).IsUnique();
        builder.HasOne(r => r.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
