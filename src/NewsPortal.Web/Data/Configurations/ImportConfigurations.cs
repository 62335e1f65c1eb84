namespace NewsPortal.Web.Data.Configurations;

internal sealed class WordPressImportRunConfiguration : IEntityTypeConfiguration<WordPressImportRun>
{
    public void Configure(EntityTypeBuilder<WordPressImportRun> builder)
    {
        builder.HasMaxLength(WordPressImportRun.FileNameMaxLength, r => r.ExportFileName, r => r.UploadsFileName);
        builder.HasMaxLength(FieldLengths.StaffEmail, r => r.StartedBy, r => r.CancelRequestedBy);
        builder.Property(r => r.WorkFolder).HasMaxLength(WordPressImportRun.FolderMaxLength);
        builder.Property(r => r.Holder).HasMaxLength(WordPressImportRun.HolderMaxLength);
        builder.Property(r => r.Phase).HasMaxLength(WordPressImportRun.PhaseMaxLength);
        builder.Property(r => r.Error).HasMaxLength(WordPressImportRun.ErrorMaxLength);

        // One active import site-wide: a second insert with the slot set fails on every instance sharing the database.
        // Finished runs hold null, which neither provider counts as a duplicate (SQL Server's provider filters the
        // index to non-null rows by convention; SQLite's unique indexes never compare nulls).
        builder.HasIndex(r => r.ActiveSlot).IsUnique();
        builder.HasIndex(r => r.StartedAt);
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
