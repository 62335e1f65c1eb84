namespace NewsPortal.Web.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.HasUniqueSlug();
        builder.Property(t => t.Name).HasMaxLength(FieldLengths.TagName);
    }
}
