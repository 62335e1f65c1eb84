namespace NewsPortal.Web.Data.Configurations;

internal sealed class CommentSettingsConfiguration : IEntityTypeConfiguration<CommentSettings>
{
    public void Configure(EntityTypeBuilder<CommentSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ModerationKeywords).HasMaxLength(FieldLengths.SettingsList);
        builder.Property(s => s.BlockedWords).HasMaxLength(FieldLengths.SettingsList);
        builder.Property(s => s.BlockedEmails).HasMaxLength(FieldLengths.SettingsList);
        builder.Property(s => s.HeldEmails).HasMaxLength(FieldLengths.SettingsList);
        builder.Property(s => s.BlockedIps).HasMaxLength(FieldLengths.SettingsList);
        builder.Property(s => s.UpdatedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
