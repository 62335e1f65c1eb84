using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ErasureReachesHistoryOutboxAndLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommentSettingsChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CommentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentSettingsChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxQuotes",
                columns: table => new
                {
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxQuotes", x => new { x.OutboxMessageId, x.CommentId });
                    table.ForeignKey(
                        name: "FK_OutboxQuotes_OutboxMessages_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "OutboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrivacyRequests",
                columns: table => new
                {
                    AddressKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    LastRequestAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastMailAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacyRequests", x => x.AddressKey);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentSettingsChanges_ChangedAt",
                table: "CommentSettingsChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxQuotes_CommentId",
                table: "OutboxQuotes",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyRequests_LastRequestAt",
                table: "PrivacyRequests",
                column: "LastRequestAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentSettingsChanges");

            migrationBuilder.DropTable(
                name: "OutboxQuotes");

            migrationBuilder.DropTable(
                name: "PrivacyRequests");
        }
    }
}
