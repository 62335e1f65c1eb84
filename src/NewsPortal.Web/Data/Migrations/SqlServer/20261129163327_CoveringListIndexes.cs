using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoveringListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_PublishedAt_Status",
                table: "Articles",
                columns: new[] { "CategoryId", "PublishedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt_Status",
                table: "Articles",
                columns: new[] { "PublishedAt", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_PublishedAt_Status",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt_Status",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_PublishedAt",
                table: "Articles",
                columns: new[] { "CategoryId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt",
                table: "Articles",
                column: "PublishedAt");
        }
    }
}
