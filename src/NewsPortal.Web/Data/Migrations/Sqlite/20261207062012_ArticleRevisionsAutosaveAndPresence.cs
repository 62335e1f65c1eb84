using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArticleRevisionsAutosaveAndPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EditVersion",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ArticleAutosaves",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedAtVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Headline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    Standfirst = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    BodyHtml = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HeroImageUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    HeroImageAlt = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    HeroImageCaption = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleAutosaves", x => new { x.ArticleId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "ArticleRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    RestoredFromId = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangedFields = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Headline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Standfirst = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bylines = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HeroImageUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    HeroImageAlt = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    HeroImageCaption = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleRevisions_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EditingPresence",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EditingPresence", x => new { x.ArticleId, x.UserId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleRevisions_ArticleId_IsPublished_Id",
                table: "ArticleRevisions",
                columns: new[] { "ArticleId", "IsPublished", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EditingPresence_LastSeenAt",
                table: "EditingPresence",
                column: "LastSeenAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleAutosaves");

            migrationBuilder.DropTable(
                name: "ArticleRevisions");

            migrationBuilder.DropTable(
                name: "EditingPresence");

            migrationBuilder.DropColumn(
                name: "EditVersion",
                table: "Articles");
        }
    }
}
