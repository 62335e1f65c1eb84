using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Who wrote each comment, indexed for the moderation queue: a table <c>CommentAuthorSearch</c> (name, e-mail
    /// address, IP address) keyed by the comment's id, filled here from the comments and kept in step by the site
    /// like <c>CommentSearch</c>, with a full-text index over it. Deletes cascade from the comment. Full-text DDL
    /// cannot run inside a transaction.
    /// </summary>
    public partial class CommentSearchWho : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TABLE [CommentAuthorSearch] (" +
                "[CommentId] int NOT NULL, [Name] nvarchar(100) NOT NULL, [Email] nvarchar(254) NOT NULL, [Ip] nvarchar(45) NOT NULL, " +
                "CONSTRAINT [PK_CommentAuthorSearch] PRIMARY KEY ([CommentId]), " +
                "CONSTRAINT [FK_CommentAuthorSearch_Comments_CommentId] FOREIGN KEY ([CommentId]) REFERENCES [Comments] ([Id]) ON DELETE CASCADE);");
            migrationBuilder.Sql(
                "INSERT INTO [CommentAuthorSearch] ([CommentId], [Name], [Email], [Ip]) " +
                "SELECT [Id], [AuthorName], [AuthorEmail], COALESCE([IpAddress], N'') FROM [Comments];");
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON [CommentAuthorSearch] ([Name], [Email], [Ip]) " +
                "KEY INDEX [PK_CommentAuthorSearch] ON [NewsPortalSearch] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [CommentAuthorSearch];", suppressTransaction: true);
            migrationBuilder.Sql("DROP TABLE [CommentAuthorSearch];");
        }
    }
}
