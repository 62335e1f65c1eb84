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

internal sealed class MailTriggerConfiguration : IEntityTypeConfiguration<MailTrigger>
{
    public void Configure(EntityTypeBuilder<MailTrigger> builder)
    {
        builder.HasOne(t => t.Comment).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.CreatedAt);
    }
}

internal sealed class ReplySubscriptionConfiguration : IEntityTypeConfiguration<ReplySubscription>
{
    public void Configure(EntityTypeBuilder<ReplySubscription> builder)
    {
        builder.Property(s => s.Email).HasMaxLength(FieldLengths.CommentEmail);
        builder.HasOne(s => s.Comment).WithMany().OnDelete(DeleteBehavior.Cascade);
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
