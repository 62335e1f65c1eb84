namespace NewsPortal.Web.Data.Configurations;

internal sealed class StaffMailPreferenceConfiguration : IEntityTypeConfiguration<StaffMailPreference>
{
    public void Configure(EntityTypeBuilder<StaffMailPreference> builder)
    {
        builder.HasKey(p => p.StaffUserId);
        builder.Property(p => p.StaffUserId).HasMaxLength(450);
        builder.HasOne<StaffUser>().WithOne().HasForeignKey<StaffMailPreference>(p => p.StaffUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class MailTriggerConfiguration() : OwnedRowConfiguration<MailTrigger, Comment>(t => t.Comment)
{
    protected override void ConfigureRow(EntityTypeBuilder<MailTrigger> builder)
    {
        builder.HasIndex(t => t.CreatedAt);
    }
}

internal sealed class ReplySubscriptionConfiguration() : OwnedRowConfiguration<ReplySubscription, Comment>(s => s.Comment)
{
    protected override void ConfigureRow(EntityTypeBuilder<ReplySubscription> builder)
    {
        builder.Property(s => s.Email).HasMaxLength(FieldLengths.CommentEmail);
        builder.HasIndex(s => new { s.CommentId, s.Email }).IsUnique();
        builder.HasIndex(s => s.Email);
    }
}

internal sealed class SubscriberAddressConfiguration : IEntityTypeConfiguration<SubscriberAddress>
{
    public void Configure(EntityTypeBuilder<SubscriberAddress> builder)
    {
        builder.HasKey(a => a.Email);
        builder.Property(a => a.Email).HasMaxLength(FieldLengths.CommentEmail);
    }
}
