namespace NewsPortal.Web.Data.Configurations;

/// <summary>Mapping that several entities share, written once so the copies cannot drift apart.</summary>
internal static class SharedMappings
{
    /// <summary>The columns of a story's text and their lengths, the same in every copy of it.</summary>
    private static readonly (string Property, int MaxLength)[] StoryTextLengths =
    [
        (nameof(IStoryText.Headline), FieldLengths.Headline),
        (nameof(IStoryText.Standfirst), FieldLengths.Standfirst),
        (nameof(IStoryText.BodyHtml), FieldLengths.ArticleBody),
        (nameof(IStoryText.HeroImageUrl), FieldLengths.ImageUrl),
        (nameof(IStoryText.HeroImageAlt), FieldLengths.ImageAlt),
        (nameof(IStoryText.HeroImageCaption), FieldLengths.ImageCaption),
    ];

    /// <summary>A page's slug is its address: as long as any slug may be, and unique.</summary>
    public static void HasUniqueSlug<TPage>(this EntityTypeBuilder<TPage> builder)
        where TPage : class, ISluggedPage
    {
        builder.Property(p => p.Slug).HasMaxLength(FieldLengths.Slug);
        builder.HasIndex(p => p.Slug).IsUnique();
    }

    /// <summary>
    /// One slot per person and story; 0 is "the new story I am writing", so no foreign key to Articles. The user id is as
    /// long as Identity's.
    /// </summary>
    public static void HasEditorSlotKey<TSlot>(this EntityTypeBuilder<TSlot> builder)
        where TSlot : EditorSlot
    {
        builder.HasKey(s => new { s.ArticleId, s.UserId });
        builder.Property(s => s.UserId).HasMaxLength(450);
    }

    /// <summary>Every copy of a story's text (the article, a revision, an autosave) is as long as the article's.</summary>
    public static void HasStoryTextLengths<TStory>(this EntityTypeBuilder<TStory> builder)
        where TStory : class, IStoryText
    {
        foreach (var (property, maxLength) in StoryTextLengths)
        {
            builder.Property(property).HasMaxLength(maxLength);
        }
    }

    /// <summary>Gives each of <paramref name="properties"/> the same maximum length.</summary>
    public static void HasMaxLength<TEntity>(
        this EntityTypeBuilder<TEntity> builder, int maxLength, params ReadOnlySpan<Expression<Func<TEntity, string?>>> properties)
        where TEntity : class
    {
        foreach (var property in properties)
        {
            builder.Property(property).HasMaxLength(maxLength);
        }
    }
}
