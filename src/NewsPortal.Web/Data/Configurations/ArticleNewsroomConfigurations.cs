namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleNoteConfiguration : IEntityTypeConfiguration<ArticleNote>
{
    public void Configure(EntityTypeBuilder<ArticleNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(FieldLengths.ArticleNoteText);
        builder.Property(n => n.CreatedBy).HasMaxLength(FieldLengths.StaffDisplayName);
        builder.HasOne(n => n.Article).WithMany(a => a.Notes).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.ArticleId, n.CreatedAt });
    }
}

internal sealed class ArticleEventConfiguration : IEntityTypeConfiguration<ArticleEvent>
{
    public void Configure(EntityTypeBuilder<ArticleEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(FieldLengths.ArticleEventKind);
        builder.Property(e => e.Actor).HasMaxLength(FieldLengths.StaffDisplayName);
        builder.Property(e => e.Note).HasMaxLength(FieldLengths.ReviewNote);
        builder.HasOne(e => e.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ArticleId, e.At });
    }
}

internal sealed class ArticlePreviewLinkConfiguration : IEntityTypeConfiguration<ArticlePreviewLink>
{
    public void Configure(EntityTypeBuilder<ArticlePreviewLink> builder)
    {
        builder.Property(l => l.CreatedBy).HasMaxLength(FieldLengths.StaffDisplayName);
        builder.HasOne(l => l.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ArticleId, l.ExpiresAt });
    }
}
