namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleRevisionConfiguration() : OwnedRowConfiguration<ArticleRevision, Article>(r => r.Article)
{
    protected override void ConfigureRow(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.CreatedBy).HasMaxLength(FieldLengths.StaffEmail);
        builder.Property(r => r.CreatedByName).HasMaxLength(FieldLengths.StaffDisplayName);
        builder.Property(r => r.ChangedFields).HasMaxLength(FieldLengths.RevisionChangedFields);
        builder.HasStoryTextLengths();
        builder.Property(r => r.SectionName).HasMaxLength(FieldLengths.CategoryName);
        builder.Property(r => r.Bylines).HasMaxLength(FieldLengths.RevisionBylines);
        builder.Property(r => r.CoAuthorIds).HasMaxLength(FieldLengths.CoAuthorIdList);

        // A story's list, newest first; the pruning job walks a story's unpublished ones the same way.
        builder.HasIndex(r => new { r.ArticleId, r.IsPublished, r.Id });
    }
}

internal sealed class ArticleAutosaveConfiguration : IEntityTypeConfiguration<ArticleAutosave>
{
    public void Configure(EntityTypeBuilder<ArticleAutosave> builder)
    {
        builder.HasEditorSlotKey();
        builder.HasStoryTextLengths();
        builder.Property(a => a.Slug).HasMaxLength(FieldLengths.Slug);
        builder.Property(a => a.Tags).HasMaxLength(FieldLengths.AutosaveTags);
        builder.Property(a => a.CoAuthorIds).HasMaxLength(FieldLengths.CoAuthorIdList);
    }
}

internal sealed class EditingPresenceConfiguration : IEntityTypeConfiguration<EditingPresence>
{
    public void Configure(EntityTypeBuilder<EditingPresence> builder)
    {
        builder.ToTable("EditingPresence");
        builder.HasEditorSlotKey();
        builder.Property(p => p.DisplayName).HasMaxLength(FieldLengths.StaffDisplayName);

        // The clean-up deletes by age.
        builder.HasIndex(p => p.LastSeenAt);
    }
}
