using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index, outside the EF model (raw SQL, so the model snapshot is unchanged): FTS5 tables that
    /// store their own text, keyed by the article's and comment's id as rowid. This creates them empty; the site
    /// fills them (markup removed in C#, see SearchIndexWriter) in the transaction of every save, and after every
    /// start, in the background, indexes the rows that have no index row (those that predate this migration),
    /// whether the site or a deployment script applied it. Deletes are kept in step by triggers, which need no C#. remove_diacritics 2 lets "cafe"
    /// find "café" for every script FTS5 knows.
    /// </summary>
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleSearch USING fts5(Headline, Standfirst, Body, Tags, Section, Byline, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE CommentSearch USING fts5(Body, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql(
                "CREATE TRIGGER ArticleSearch_Delete AFTER DELETE ON Articles BEGIN DELETE FROM ArticleSearch WHERE rowid = old.Id; END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER CommentSearch_Delete AFTER DELETE ON Comments BEGIN DELETE FROM CommentSearch WHERE rowid = old.Id; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CommentSearch_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CommentSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }
    }
}
