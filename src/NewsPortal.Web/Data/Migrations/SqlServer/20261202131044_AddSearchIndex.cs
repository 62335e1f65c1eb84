using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The full-text index, outside the EF model (raw SQL, so the model snapshot is unchanged): tables holding the
    /// searchable text of each article and comment (markup removed by the site, see SearchIndexWriter), with a
    /// full-text index over them. This creates them empty; the site fills them in the transaction of every save, and
    /// after every start, in the background, indexes the rows that have no index row (those that predate this
    /// migration), whether the site or a deployment script applied it. Deletes cascade from the source rows. Full-text DDL cannot run inside a
    /// transaction, hence suppressTransaction; it needs a unique single-column key index, the primary key. The
    /// stoplist is off so "the" or "who" in a quoted phrase behave as they do on SQLite.
    /// </summary>
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TABLE [ArticleSearch] (" +
                "[ArticleId] int NOT NULL, [Headline] nvarchar(200) NOT NULL, [Standfirst] nvarchar(400) NOT NULL, " +
                "[Body] nvarchar(max) NOT NULL, [Tags] nvarchar(max) NOT NULL, [Section] nvarchar(60) NOT NULL, [Byline] nvarchar(100) NOT NULL, " +
                "CONSTRAINT [PK_ArticleSearch] PRIMARY KEY ([ArticleId]), " +
                "CONSTRAINT [FK_ArticleSearch_Articles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [Articles] ([Id]) ON DELETE CASCADE);");
            migrationBuilder.Sql(
                "CREATE TABLE [CommentSearch] (" +
                "[CommentId] int NOT NULL, [Body] nvarchar(max) NOT NULL, " +
                "CONSTRAINT [PK_CommentSearch] PRIMARY KEY ([CommentId]), " +
                "CONSTRAINT [FK_CommentSearch_Comments_CommentId] FOREIGN KEY ([CommentId]) REFERENCES [Comments] ([Id]) ON DELETE CASCADE);");
            migrationBuilder.Sql(
                "IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'NewsPortalSearch') CREATE FULLTEXT CATALOG [NewsPortalSearch];",
                suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON [ArticleSearch] ([Headline], [Standfirst], [Body], [Tags], [Section], [Byline]) " +
                "KEY INDEX [PK_ArticleSearch] ON [NewsPortalSearch] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);",
                suppressTransaction: true);
            migrationBuilder.Sql(
                "CREATE FULLTEXT INDEX ON [CommentSearch] ([Body]) " +
                "KEY INDEX [PK_CommentSearch] ON [NewsPortalSearch] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [CommentSearch];", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [ArticleSearch];", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG [NewsPortalSearch];", suppressTransaction: true);
            migrationBuilder.Sql("DROP TABLE [CommentSearch];");
            migrationBuilder.Sql("DROP TABLE [ArticleSearch];");
        }
    }
}
