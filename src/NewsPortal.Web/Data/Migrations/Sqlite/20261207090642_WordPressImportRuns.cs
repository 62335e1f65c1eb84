using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WordPressImportRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WordPressImportRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveSlot = table.Column<int>(type: "INTEGER", nullable: true),
                    ExportFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ExportBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadsFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    UploadsBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkFolder = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PhaseStartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Done = table.Column<long>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelRequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WordPressImportRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WordPressImportRuns_ActiveSlot",
                table: "WordPressImportRuns",
                column: "ActiveSlot",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WordPressImportRuns_StartedAt",
                table: "WordPressImportRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WordPressImportRuns");
        }
    }
}
