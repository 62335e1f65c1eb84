namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleNoteConfiguration() : OwnedRowConfiguration<ArticleNote, Article>(n => n.Article, a => a.Notes)
{
    protected override void ConfigureRow(EntityTypeBuilder<ArticleNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(FieldLengths.ArticleNoteText);
        builder.Property(n => n.CreatedBy).HasMaxLength(FieldLengths.StaffDisplayName);
        builder.HasIndex(n => new { n.ArticleId, n.CreatedAt });
    }
}

internal sealed class ArticleEventConfiguration() : OwnedRowConfiguration<ArticleEvent, Article>(e => e.Article)
{
    protected override void ConfigureRow(EntityTypeBuilder<ArticleEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(FieldLengths.ArticleEventKind);
        builder.Property(e => e.Actor).HasMaxLength(FieldLengths.StaffDisplayName);
        builder.Property(e => e.Note).HasMaxLength(FieldLengths.ReviewNote);
        builder.HasIndex(e => new { e.ArticleId, e.At });
    }
}

internal sealed class ArticlePreviewLinkConfiguration() : OwnedRowConfiguration<ArticlePreviewLink, Article>(l => l.Article)
{
    protected override void ConfigureRow(EntityTypeBuilder<ArticlePreviewLink> builder)
    {
        builder.Property(l => l.CreatedBy).HasMaxLength(FieldLengths.StaffDisplayName);
        builder.HasIndex(l => new { l.ArticleId, l.ExpiresAt });
    }
}
