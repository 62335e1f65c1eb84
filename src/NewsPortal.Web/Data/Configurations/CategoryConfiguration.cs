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
