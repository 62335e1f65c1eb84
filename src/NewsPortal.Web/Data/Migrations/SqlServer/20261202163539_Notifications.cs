using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MailTriggers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    CommentId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailTriggers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailTriggers_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReplySubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    CommentId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplySubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReplySubscriptions_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffMailPreferences",
                columns: table => new
                {
                    StaffUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    HeldComments = table.Column<int>(type: "int", nullable: false),
                    DigestFrom = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMailPreferences", x => x.StaffUserId);
                    table.ForeignKey(
                        name: "FK_StaffMailPreferences_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubscriberAddresses",
                columns: table => new
                {
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ConfirmationSentAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubscriberAddresses", x => x.Email);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailTriggers_CommentId",
                table: "MailTriggers",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_MailTriggers_CreatedAt",
                table: "MailTriggers",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReplySubscriptions_CommentId_Email",
                table: "ReplySubscriptions",
                columns: new[] { "CommentId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReplySubscriptions_Email",
                table: "ReplySubscriptions",
                column: "Email");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailTriggers");

            migrationBuilder.DropTable(
                name: "ReplySubscriptions");

            migrationBuilder.DropTable(
                name: "StaffMailPreferences");

            migrationBuilder.DropTable(
                name: "SubscriberAddresses");
        }
    }
}
