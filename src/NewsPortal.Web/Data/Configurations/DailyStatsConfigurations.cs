namespace NewsPortal.Web.Data.Configurations;

internal sealed class DailyCommentStatsConfiguration : IEntityTypeConfiguration<DailyCommentStats>
{
    public void Configure(EntityTypeBuilder<DailyCommentStats> builder)
    {
        builder.HasKey(s => new { s.Day, s.ArticleId });

        // The 7-day "most commented" list sums a week of rows per article.
        builder.HasIndex(s => new { s.Day, s.Published, s.Held });
    }
}

internal sealed class DailyModerationStatsConfiguration : IEntityTypeConfiguration<DailyModerationStats>
{
    public void Configure(EntityTypeBuilder<DailyModerationStats> builder)
    {
        builder.HasKey(s => new { s.Day, s.Moderator });
        builder.Property(s => s.Moderator).HasMaxLength(FieldLengths.StaffEmail);
    }
}

internal sealed class DailyQueueStatsConfiguration : IEntityTypeConfiguration<DailyQueueStats>
{
    public void Configure(EntityTypeBuilder<DailyQueueStats> builder) => builder.HasKey(s => s.Day);
}

internal sealed class DailyReportStatsConfiguration : IEntityTypeConfiguration<DailyReportStats>
{
    public void Configure(EntityTypeBuilder<DailyReportStats> builder) => builder.HasKey(s => s.Day);
}

internal sealed class DailySearchTermConfiguration : IEntityTypeConfiguration<DailySearchTerm>
{
    public void Configure(EntityTypeBuilder<DailySearchTerm> builder)
    {
        builder.HasKey(s => new { s.Day, s.Term });
        builder.Property(s => s.Term).HasMaxLength(FieldLengths.SearchQuery);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(100);
    }
}
