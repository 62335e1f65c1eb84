namespace NewsPortal.Web.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(FieldLengths.TagName);
        builder.Property(t => t.Slug).HasMaxLength(FieldLengths.Slug);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
