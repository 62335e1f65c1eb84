using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ListedAt",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                computedColumnSql: "COALESCE([PublishedAt], [CreatedAt])",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Comments_CreatedAt",
                table: "Comments",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ListedAt",
                table: "Articles",
                column: "ListedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ListedAt",
                table: "Articles",
                columns: new[] { "Status", "ListedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_CreatedAt",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Articles_ListedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ListedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ListedAt",
                table: "Articles");
        }
    }
}
