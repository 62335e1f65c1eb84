namespace NewsPortal.Web.Data.Queries;

/// <summary>
/// How the database journals its writes, set before migrating (at start, and by the import command): readers must
/// carry on while a comment or an import batch is written. One implementation per provider, chosen at start from
/// <c>Database:Provider</c>.
/// </summary>
public interface IDatabaseJournal
{
    /// <summary>Lets readers read while one writer writes; kept by the database itself, so once is enough.</summary>
    Task UseWriteAheadLogAsync(NewsDbContext db, CancellationToken cancellationToken);
}
