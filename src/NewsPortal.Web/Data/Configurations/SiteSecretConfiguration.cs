namespace NewsPortal.Web.Data.Configurations;

internal sealed class SiteSecretConfiguration : IEntityTypeConfiguration<SiteSecret>
{
    public void Configure(EntityTypeBuilder<SiteSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(64);
    }
}
