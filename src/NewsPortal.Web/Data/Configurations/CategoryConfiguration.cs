namespace NewsPortal.Web.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(FieldLengths.CategoryName);
        builder.Property(c => c.Slug).HasMaxLength(FieldLengths.Slug);
        builder.Property(c => c.Description).HasMaxLength(FieldLengths.SectionDescription);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class CategorySlugRedirectConfiguration : IEntityTypeConfiguration<CategorySlugRedirect>
{
    public void Configure(EntityTypeBuilder<CategorySlugRedirect> builder)
    {
        builder.Property(r => r.OldSlug).HasMaxLength(FieldLengths.Slug);
        builder.HasIndex(r => r.OldSlug).IsUnique();
        builder.HasOne(r => r.Category).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
