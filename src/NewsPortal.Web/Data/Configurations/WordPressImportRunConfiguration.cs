namespace NewsPortal.Web.Data.Configurations;

internal sealed class WordPressImportRunConfiguration : IEntityTypeConfiguration<WordPressImportRun>
{
    public void Configure(EntityTypeBuilder<WordPressImportRun> builder)
    {
        builder.Property(r => r.ExportFileName).HasMaxLength(WordPressImportRun.FileNameMaxLength);
        builder.Property(r => r.UploadsFileName).HasMaxLength(WordPressImportRun.FileNameMaxLength);
        builder.Property(r => r.WorkFolder).HasMaxLength(WordPressImportRun.FolderMaxLength);
        builder.Property(r => r.Holder).HasMaxLength(WordPressImportRun.HolderMaxLength);
        builder.Property(r => r.StartedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(r => r.CancelRequestedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(r => r.Phase).HasMaxLength(WordPressImportRun.PhaseMaxLength);
        builder.Property(r => r.Error).HasMaxLength(WordPressImportRun.ErrorMaxLength);

        // One active import site-wide: a second insert with the slot set fails on every instance sharing the database.
        // Finished runs hold null, which neither provider counts as a duplicate (SQL Server's provider filters the
        // index to non-null rows by convention; SQLite's unique indexes never compare nulls).
        builder.HasIndex(r => r.ActiveSlot).IsUnique();
        builder.HasIndex(r => r.StartedAt);
    }
}
