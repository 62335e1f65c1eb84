namespace NewsPortal.Web.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.HasUniqueSlug();
        builder.Property(c => c.Name).HasMaxLength(FieldLengths.CategoryName);
        builder.Property(c => c.Description).HasMaxLength(FieldLengths.SectionDescription);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}
