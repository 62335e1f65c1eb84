namespace NewsPortal.Web.Data.Configurations;

internal sealed class CommentSettingsConfiguration : IEntityTypeConfiguration<CommentSettings>
{
    public void Configure(EntityTypeBuilder<CommentSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasMaxLength(
            FieldLengths.SettingsList, s => s.ModerationKeywords, s => s.BlockedWords, s => s.BlockedEmails, s => s.HeldEmails, s => s.BlockedIps);
        builder.Property(s => s.UpdatedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
