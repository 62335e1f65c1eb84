using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
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
                type: "nvarchar(max)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "Comments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportPriority",
                table: "Comments",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReportedAt",
                table: "Comments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommentReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommentId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<int>(type: "int", nullable: false),
                    Explanation = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReporterEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    ReaderKey = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    IpKey = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Decision = table.Column<int>(type: "int", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecisionGround = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    DecisionStatement = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
