namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A comment put straight into the database, past the form and its rules, for tests about what happens to it next.</summary>
public static class StoredComments
{
    public static async Task<Comment> AddAsync(
        NewsDbContext db, int articleId, string name, string email, string bodyHtml, CommentStatus status, DateTime createdAt)
    {
        var comment = new Comment
        {
            ArticleId = articleId,
            AuthorName = name,
            AuthorEmail = email,
            BodyHtml = bodyHtml,
            Status = status,
            CreatedAt = createdAt,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment;
    }
}
