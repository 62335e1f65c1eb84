namespace NewsPortal.Web.Data.Configurations;

internal sealed class CommentHistoryConfiguration : IEntityTypeConfiguration<CommentHistory>
{
    public void Configure(EntityTypeBuilder<CommentHistory> builder)
    {
        builder.ToTable("CommentHistory");
        builder.Property(h => h.ChangedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(h => h.Note).HasMaxLength(FieldLengths.HistoryNote);
        builder.Property(h => h.PreviousBodyHtml).HasMaxLength(FieldLengths.CommentBodyHtml);
        builder.HasOne(h => h.Comment).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.CommentId, h.ChangedAt });

        // The dashboard's daily figures read one day of changes at a time.
        builder.HasIndex(h => h.ChangedAt);
    }
}
