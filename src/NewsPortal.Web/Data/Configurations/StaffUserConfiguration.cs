namespace NewsPortal.Web.Data.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.StaffDisplayName);
}
