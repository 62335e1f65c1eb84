namespace NewsPortal.Web.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.Property(m => m.OriginalName).HasMaxLength(MediaItem.FileNameMaxLength);
        builder.Property(m => m.DisplayName).HasMaxLength(MediaItem.DisplayNameMaxLength);
        builder.Property(m => m.SourceFormat).HasMaxLength(8);
        builder.Property(m => m.Alt).HasMaxLength(MediaItem.AltMaxLength);
        builder.Property(m => m.Caption).HasMaxLength(MediaItem.CaptionMaxLength);
        builder.Property(m => m.Credit).HasMaxLength(MediaItem.CreditMaxLength);
        builder.Property(m => m.UploadedBy).HasMaxLength(450);
        // The library lists newest first; the job looks for unfinished rows.
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => m.State);
        builder.HasMany(m => m.Variants).WithOne().HasForeignKey(v => v.MediaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MediaVariantConfiguration : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> builder)
    {
        builder.Property(v => v.Kind).HasMaxLength(8);
        builder.Property(v => v.Format).HasMaxLength(8);
        builder.Property(v => v.FileName).HasMaxLength(MediaItem.FileNameMaxLength);
    }
}
