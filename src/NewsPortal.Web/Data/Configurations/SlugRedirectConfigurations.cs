namespace NewsPortal.Web.Data.Configurations;

/// <summary>
/// An old slug answers for one page only, so it is unique within its table; the redirect goes when its page goes.
/// </summary>
internal abstract class SlugRedirectConfiguration<TRedirect, TPage>(Expression<Func<TRedirect, TPage?>> page)
    : IEntityTypeConfiguration<TRedirect>
    where TRedirect : SlugRedirect
    where TPage : class
{
    public void Configure(EntityTypeBuilder<TRedirect> builder)
    {
        builder.Property(r => r.OldSlug).HasMaxLength(FieldLengths.Slug);
        builder.HasIndex(r => r.OldSlug).IsUnique();
        builder.HasOne(page).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleSlugRedirectConfiguration()
    : SlugRedirectConfiguration<ArticleSlugRedirect, Article>(r => r.Article);

internal sealed class AuthorSlugRedirectConfiguration()
    : SlugRedirectConfiguration<AuthorSlugRedirect, Author>(r => r.Author);

internal sealed class CategorySlugRedirectConfiguration()
    : SlugRedirectConfiguration<CategorySlugRedirect, Category>(r => r.Category);
