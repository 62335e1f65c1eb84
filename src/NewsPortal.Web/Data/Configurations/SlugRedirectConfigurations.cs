namespace NewsPortal.Web.Data.Configurations;

/// <summary>An old slug answers for one page only, so it is unique within its table.</summary>
internal abstract class SlugRedirectConfiguration<TRedirect, TPage>(Expression<Func<TRedirect, TPage?>> page)
    : OwnedRowConfiguration<TRedirect, TPage>(page)
    where TRedirect : SlugRedirect
    where TPage : class
{
    protected override void ConfigureRow(EntityTypeBuilder<TRedirect> builder)
    {
        builder.Property(r => r.OldSlug).HasMaxLength(FieldLengths.Slug);
        builder.HasIndex(r => r.OldSlug).IsUnique();
    }
}

internal sealed class ArticleSlugRedirectConfiguration()
    : SlugRedirectConfiguration<ArticleSlugRedirect, Article>(r => r.Article);

internal sealed class AuthorSlugRedirectConfiguration()
    : SlugRedirectConfiguration<AuthorSlugRedirect, Author>(r => r.Author);

internal sealed class CategorySlugRedirectConfiguration()
    : SlugRedirectConfiguration<CategorySlugRedirect, Category>(r => r.Category);
