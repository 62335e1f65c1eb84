namespace NewsPortal.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasMaxLength(FieldLengths.MailKind);
        builder.Property(m => m.ToAddress).HasMaxLength(FieldLengths.CommentEmail);
        builder.Property(m => m.ToName).HasMaxLength(FieldLengths.CommentName);
        builder.Property(m => m.Subject).HasMaxLength(FieldLengths.MailSubject);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(FieldLengths.MailUrl);
        builder.Property(m => m.MessageId).HasMaxLength(FieldLengths.MailMessageId);
        builder.Property(m => m.LastError).HasMaxLength(FieldLengths.MailError);

        // The sender's question: which pending messages are due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });

        // The purge's question: which rows are old.
        builder.HasIndex(m => m.CreatedAt);
    }
}
