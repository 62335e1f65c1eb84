namespace NewsPortal.Web.Data.Configurations;

internal sealed class CommentHistoryConfiguration() : OwnedRowConfiguration<CommentHistory, Comment>(h => h.Comment)
{
    protected override void ConfigureRow(EntityTypeBuilder<CommentHistory> builder)
    {
        builder.ToTable("CommentHistory");
        builder.Property(h => h.ChangedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(h => h.Note).HasMaxLength(FieldLengths.HistoryNote);
        builder.Property(h => h.PreviousBodyHtml).HasMaxLength(FieldLengths.CommentBodyHtml);
        builder.HasIndex(h => new { h.CommentId, h.ChangedAt });

        // The dashboard's daily figures read one day of changes at a time.
        builder.HasIndex(h => h.ChangedAt);
    }
}
