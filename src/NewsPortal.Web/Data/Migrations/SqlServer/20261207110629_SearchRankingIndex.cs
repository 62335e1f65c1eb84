using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Nothing on SQL Server: the index this migration adds on SQLite (IX_Articles_SearchRanking) serves SQLite's
    /// ranking query, and SQL Server ranks in its full-text engine. It exists so both providers keep the same list.
    /// </summary>
    public partial class SearchRankingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
