using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommentReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeldEmails",
                table: "CommentSettings",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportPriority",
                table: "Comments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReportedAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommentReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ReaderKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    IpKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionGround = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    DecisionStatement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentReports_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ReportPriority_ReportedAt",
                table: "Comments",
                columns: new[] { "ReportPriority", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_CommentId_IpKey",
                table: "CommentReports",
                columns: new[] { "CommentId", "IpKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_CommentId_ReaderKey",
                table: "CommentReports",
                columns: new[] { "CommentId", "ReaderKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_CreatedAt",
                table: "CommentReports",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_DecidedAt",
                table: "CommentReports",
                column: "DecidedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentReports");

            migrationBuilder.DropIndex(
                name: "IX_Comments_ReportPriority_ReportedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "HeldEmails",
                table: "CommentSettings");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ReportPriority",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ReportedAt",
                table: "Comments");
        }
    }
}
