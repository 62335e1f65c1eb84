namespace NewsPortal.Web.Data.Configurations;

internal sealed class OutboxQuoteConfiguration : IEntityTypeConfiguration<OutboxQuote>
{
    public void Configure(EntityTypeBuilder<OutboxQuote> builder)
    {
        builder.ToTable("OutboxQuotes");
        builder.HasKey(q => new { q.OutboxMessageId, q.CommentId });
        builder.HasOne<OutboxMessage>().WithMany(m => m.Quotes).HasForeignKey(q => q.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);

        // Erasure's question: which messages quote these comments. No foreign key to the comment: a message
        // outlives nothing it quotes, and the outbox purge removes both.
        builder.HasIndex(q => q.CommentId);
    }
}

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.HasKey(r => r.AddressKey);
        builder.Property(r => r.AddressKey).HasMaxLength(FieldLengths.AddressKey).IsUnicode(false);
        builder.Property(r => r.LastMailAt).IsConcurrencyToken();

        // The retention job's question: which rows are past their cool-down.
        builder.HasIndex(r => r.LastRequestAt);
    }
}

internal sealed class CommentSettingsChangeConfiguration : IEntityTypeConfiguration<CommentSettingsChange>
{
    public void Configure(EntityTypeBuilder<CommentSettingsChange> builder)
    {
        builder.Property(c => c.ChangedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(c => c.Summary).HasMaxLength(FieldLengths.SettingsChangeSummary);
        builder.HasIndex(c => c.ChangedAt);
    }
}
