using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The comment index learns who wrote each comment: columns Name, Email and Ip beside Body, filled from the
    /// comments, and added to the full-text index, so the moderation queue finds a commenter through the index
    /// instead of reading every comment of a status. Full-text DDL cannot run inside a transaction.
    /// </summary>
    public partial class CommentSearchWho : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "ALTER TABLE [CommentSearch] ADD " +
                "[Name] nvarchar(100) NOT NULL CONSTRAINT [DF_CommentSearch_Name] DEFAULT N'', " +
                "[Email] nvarchar(254) NOT NULL CONSTRAINT [DF_CommentSearch_Email] DEFAULT N'', " +
                "[Ip] nvarchar(45) NOT NULL CONSTRAINT [DF_CommentSearch_Ip] DEFAULT N'';");
            migrationBuilder.Sql(
                "UPDATE [s] SET [Name] = [c].[AuthorName], [Email] = [c].[AuthorEmail], [Ip] = COALESCE([c].[IpAddress], N'') " +
                "FROM [CommentSearch] AS [s] INNER JOIN [Comments] AS [c] ON [c].[Id] = [s].[CommentId];");
            migrationBuilder.Sql("ALTER FULLTEXT INDEX ON [CommentSearch] ADD ([Name], [Email], [Ip]);", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER FULLTEXT INDEX ON [CommentSearch] DROP ([Name], [Email], [Ip]);", suppressTransaction: true);
            migrationBuilder.Sql(
                "ALTER TABLE [CommentSearch] DROP CONSTRAINT [DF_CommentSearch_Name], [DF_CommentSearch_Email], [DF_CommentSearch_Ip];");
            migrationBuilder.Sql("ALTER TABLE [CommentSearch] DROP COLUMN [Name], [Email], [Ip];");
        }
    }
}
