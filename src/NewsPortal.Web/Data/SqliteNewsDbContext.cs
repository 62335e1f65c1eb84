using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Web.Data;

/// <summary>
/// The embedded-database flavour of <see cref="NewsDbContext"/>. It exists so SQLite gets its own migration
/// set. The mapping is shared; anything SQLite cannot express the SQL Server way would be overridden here
/// (today nothing needs to be: times are UTC <see cref="DateTime"/>, which both providers order and compare).
/// </summary>
public sealed class SqliteNewsDbContext : NewsDbContext
{
    public SqliteNewsDbContext(DbContextOptions<SqliteNewsDbContext> options)
        : base(options)
    {
    }
}
