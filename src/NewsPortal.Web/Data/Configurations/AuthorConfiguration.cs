using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(FieldLengths.AuthorName);
        builder.Property(a => a.Slug).HasMaxLength(FieldLengths.Slug);
        builder.Property(a => a.Bio).HasMaxLength(FieldLengths.AuthorBio);
        builder.HasIndex(a => a.Slug).IsUnique();
    }
}
