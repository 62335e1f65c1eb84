using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Who wrote each comment, indexed for the moderation queue: an FTS5 table <c>CommentAuthorSearch</c> (name,
    /// e-mail address, IP address) keyed by the comment's id, filled here from the comments (no markup to strip, so
    /// SQL does it) and kept in step by the site like <c>CommentSearch</c>. A table of its own, not columns beside
    /// the text: a prefix such as <c>rive*</c> is then looked up among names and addresses only, not merged across
    /// every comment's words.
    /// </summary>
    public partial class CommentSearchWho : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE CommentAuthorSearch USING fts5(Name, Email, Ip, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql(
                "INSERT INTO CommentAuthorSearch (rowid, Name, Email, Ip) " +
                "SELECT Id, AuthorName, AuthorEmail, COALESCE(IpAddress, '') FROM Comments ORDER BY Id;");
            migrationBuilder.Sql(
                "CREATE TRIGGER CommentAuthorSearch_Delete AFTER DELETE ON Comments BEGIN DELETE FROM CommentAuthorSearch WHERE rowid = old.Id; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CommentAuthorSearch_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CommentAuthorSearch;");
        }
    }
}
