using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardDailyStatsAndSearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyCommentStats",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Published = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false),
                    Spam = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyCommentStats", x => new { x.Day, x.ArticleId });
                });

            migrationBuilder.CreateTable(
                name: "DailyModerationStats",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Moderator = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Approved = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Spam = table.Column<int>(type: "INTEGER", nullable: false),
                    Trashed = table.Column<int>(type: "INTEGER", nullable: false),
                    Requeued = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyModerationStats", x => new { x.Day, x.Moderator });
                });

            migrationBuilder.CreateTable(
                name: "DailyQueueStats",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PendingAtEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    OldestPendingSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    Decisions = table.Column<int>(type: "INTEGER", nullable: false),
                    MedianDecisionSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    P90DecisionSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyQueueStats", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "DailyReportStats",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Dismissed = table.Column<int>(type: "INTEGER", nullable: false),
                    Hidden = table.Column<int>(type: "INTEGER", nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyReportStats", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "DailySearchTerms",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Searches = table.Column<int>(type: "INTEGER", nullable: false),
                    ZeroResults = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailySearchTerms", x => new { x.Day, x.Term });
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Until = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentHistory_ChangedAt",
                table: "CommentHistory",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DailyCommentStats_Day_Published_Held",
                table: "DailyCommentStats",
                columns: new[] { "Day", "Published", "Held" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyCommentStats");

            migrationBuilder.DropTable(
                name: "DailyModerationStats");

            migrationBuilder.DropTable(
                name: "DailyQueueStats");

            migrationBuilder.DropTable(
                name: "DailyReportStats");

            migrationBuilder.DropTable(
                name: "DailySearchTerms");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropIndex(
                name: "IX_CommentHistory_ChangedAt",
                table: "CommentHistory");
        }
    }
}
