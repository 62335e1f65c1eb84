using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The comment index learns who wrote each comment: columns Name, Email and Ip beside Body, so the moderation
    /// queue finds a commenter through the index instead of reading every comment of a status. FTS5 tables cannot
    /// gain columns, so a new one is filled from the old (its stored text) and the comments (who), and takes its
    /// name; the delete trigger is recreated around the swap. On 1,000,000 comments this is a one-off copy of the
    /// index inside the migration's transaction.
    /// </summary>
    public partial class CommentSearchWho : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CommentSearch_Delete;");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE CommentSearchWho USING fts5(Body, Name, Email, Ip, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql(
                "INSERT INTO CommentSearchWho (rowid, Body, Name, Email, Ip) " +
                "SELECT s.rowid, s.Body, c.AuthorName, c.AuthorEmail, COALESCE(c.IpAddress, '') FROM CommentSearch AS s " +
                "INNER JOIN Comments AS c ON c.Id = s.rowid ORDER BY s.rowid;");
            migrationBuilder.Sql("DROP TABLE CommentSearch;");
            migrationBuilder.Sql("ALTER TABLE CommentSearchWho RENAME TO CommentSearch;");
            migrationBuilder.Sql(
                "CREATE TRIGGER CommentSearch_Delete AFTER DELETE ON Comments BEGIN DELETE FROM CommentSearch WHERE rowid = old.Id; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CommentSearch_Delete;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE CommentSearchBody USING fts5(Body, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("INSERT INTO CommentSearchBody (rowid, Body) SELECT rowid, Body FROM CommentSearch ORDER BY rowid;");
            migrationBuilder.Sql("DROP TABLE CommentSearch;");
            migrationBuilder.Sql("ALTER TABLE CommentSearchBody RENAME TO CommentSearch;");
            migrationBuilder.Sql(
                "CREATE TRIGGER CommentSearch_Delete AFTER DELETE ON Comments BEGIN DELETE FROM CommentSearch WHERE rowid = old.Id; END;");
        }
    }
}
