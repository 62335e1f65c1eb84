namespace NewsPortal.Web.Data.Configurations;

internal sealed class CommentReportConfiguration() : OwnedRowConfiguration<CommentReport, Comment>(r => r.Comment)
{
    protected override void ConfigureRow(EntityTypeBuilder<CommentReport> builder)
    {
        builder.Property(r => r.Explanation).HasMaxLength(FieldLengths.ReportExplanation);
        builder.Property(r => r.ReporterEmail).HasMaxLength(FieldLengths.CommentEmail);
        builder.Property(r => r.ReaderKey).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.IpKey).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.DecidedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(r => r.DecisionGround).HasMaxLength(FieldLengths.DecisionGround);
        builder.Property(r => r.DecisionStatement).HasMaxLength(FieldLengths.DecisionStatement);

        // One report per reader per comment, also when the same reader's two posts race.
        builder.HasIndex(r => new { r.CommentId, r.ReaderKey }).IsUnique();

        // The same network address counts once per comment (a reader who cleared their cookies).
        builder.HasIndex(r => new { r.CommentId, r.IpKey });

        // The transparency summary: reports received and decided per month.
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => r.DecidedAt);
    }
}
