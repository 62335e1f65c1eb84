namespace NewsPortal.Web.Data.Configurations;

internal sealed class ImportedItemConfiguration : IEntityTypeConfiguration<ImportedItem>
{
    public void Configure(EntityTypeBuilder<ImportedItem> builder)
    {
        builder.Property(i => i.Source).HasMaxLength(ImportedItem.SourceMaxLength);
        builder.Property(i => i.Kind).HasMaxLength(ImportedItem.KindMaxLength);
        builder.Property(i => i.SourceKey).HasMaxLength(ImportedItem.SourceKeyMaxLength);
        // The idempotency key; unique, so two runs racing still cannot both create one item.
        builder.HasIndex(i => new { i.Source, i.Kind, i.SourceKey }).IsUnique();
    }
}

internal sealed class LegacyAddressConfiguration : IEntityTypeConfiguration<LegacyAddress>
{
    public void Configure(EntityTypeBuilder<LegacyAddress> builder)
    {
        builder.Property(a => a.Path).HasMaxLength(LegacyAddress.PathMaxLength);
        builder.HasIndex(a => a.Path).IsUnique();
    }
}
