using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SectionsAndBylinesPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Categories",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HiddenFromNavigation",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "Authors",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Links",
                table: "Authors",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhotoMediaItemId",
                table: "Authors",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffUserId",
                table: "Authors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Authors",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleCoAuthors",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleCoAuthors", x => new { x.ArticleId, x.AuthorId });
                    table.ForeignKey(
                        name: "FK_ArticleCoAuthors_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleCoAuthors_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuthorSlugRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OldSlug = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorSlugRedirects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorSlugRedirects_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CategorySlugRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OldSlug = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategorySlugRedirects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategorySlugRedirects_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Name",
                table: "Categories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Authors_PhotoMediaItemId",
                table: "Authors",
                column: "PhotoMediaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Authors_StaffUserId",
                table: "Authors",
                column: "StaffUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleCoAuthors_AuthorId",
                table: "ArticleCoAuthors",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorSlugRedirects_AuthorId",
                table: "AuthorSlugRedirects",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorSlugRedirects_OldSlug",
                table: "AuthorSlugRedirects",
                column: "OldSlug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategorySlugRedirects_CategoryId",
                table: "CategorySlugRedirects",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_CategorySlugRedirects_OldSlug",
                table: "CategorySlugRedirects",
                column: "OldSlug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Authors_AspNetUsers_StaffUserId",
                table: "Authors",
                column: "StaffUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Authors_MediaItems_PhotoMediaItemId",
                table: "Authors",
                column: "PhotoMediaItemId",
                principalTable: "MediaItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Authors_AspNetUsers_StaffUserId",
                table: "Authors");

            migrationBuilder.DropForeignKey(
                name: "FK_Authors_MediaItems_PhotoMediaItemId",
                table: "Authors");

            migrationBuilder.DropTable(
                name: "ArticleCoAuthors");

            migrationBuilder.DropTable(
                name: "AuthorSlugRedirects");

            migrationBuilder.DropTable(
                name: "CategorySlugRedirects");

            migrationBuilder.DropIndex(
                name: "IX_Categories_Name",
                table: "Categories");

            migrationBuilder.DropIndex(
                name: "IX_Authors_PhotoMediaItemId",
                table: "Authors");

            migrationBuilder.DropIndex(
                name: "IX_Authors_StaffUserId",
                table: "Authors");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "HiddenFromNavigation",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "Authors");

            migrationBuilder.DropColumn(
                name: "Links",
                table: "Authors");

            migrationBuilder.DropColumn(
                name: "PhotoMediaItemId",
                table: "Authors");

            migrationBuilder.DropColumn(
                name: "StaffUserId",
                table: "Authors");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Authors");
        }
    }
}
