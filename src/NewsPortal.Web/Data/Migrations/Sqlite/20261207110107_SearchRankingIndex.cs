using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchRankingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_SearchRanking",
                table: "Articles",
                columns: new[] { "Id", "Status", "PublishedAt", "CategoryId", "AuthorId", "Headline", "Standfirst" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_SearchRanking",
                table: "Articles");
        }
    }
}
