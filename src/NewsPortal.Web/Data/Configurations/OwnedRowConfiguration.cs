namespace NewsPortal.Web.Data.Configurations;

/// <summary>
/// A row that belongs to one owner (a story's note or revision, a comment's report or history, a page's old slug):
/// it has a required key to the owner and is deleted with it.
/// </summary>
internal abstract class OwnedRowConfiguration<TRow, TOwner>(
    Expression<Func<TRow, TOwner?>> owner, Expression<Func<TOwner, IEnumerable<TRow>?>>? ownersRows = null)
    : IEntityTypeConfiguration<TRow>
    where TRow : class
    where TOwner : class
{
    public void Configure(EntityTypeBuilder<TRow> builder)
    {
        builder.HasOne(owner).WithMany(ownersRows).OnDelete(DeleteBehavior.Cascade);
        ConfigureRow(builder);
    }

    /// <summary>Everything else about the row.</summary>
    protected abstract void ConfigureRow(EntityTypeBuilder<TRow> builder);
}
