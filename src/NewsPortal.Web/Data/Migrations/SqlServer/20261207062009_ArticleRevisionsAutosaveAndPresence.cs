using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ArticleAutosaves",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OpenedAtVersion = table.Column<int>(type: "int", nullable: false),
                    Headline = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Slug = table.Column<string>(type: "nvarchar(160)", maxLength: 160, nullable: true),
                    Standfirst = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    BodyHtml = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: true),
                    CategoryId = table.Column<int>(type: "int", nullable: false),
                    AuthorId = table.Column<int>(type: "int", nullable: false),
                    Tags = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    HeroImageUrl = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    HeroImageAlt = table.Column<string>(type: "nvarchar(250)", maxLength: 250, nullable: true),
                    HeroImageCaption = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleAutosaves", x => new { x.ArticleId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "ArticleRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ArticleId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<int>(type: "int", nullable: false),
                    RestoredFromId = table.Column<long>(type: "bigint", nullable: true),
                    ChangedFields = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false),
                    Headline = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Standfirst = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    BodyHtml = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: false),
                    CategoryId = table.Column<int>(type: "int", nullable: false),
                    SectionName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    AuthorId = table.Column<int>(type: "int", nullable: false),
                    Bylines = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    HeroImageUrl = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    HeroImageAlt = table.Column<string>(type: "nvarchar(250)", maxLength: 250, nullable: true),
                    HeroImageCaption = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false)
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
                    ArticleId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Since = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
