namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A comment put straight into the database, past the form and its rules, for tests about what happens to it next.</summary>
public static class StoredComments
{
    public static Task<Comment> AddAsync(
        NewsDbContext db, int articleId, string name, string email, string bodyHtml, CommentStatus status, DateTime createdAt) =>
        StoredEntities.AddAsync(db, new Comment
        {
            ArticleId = articleId,
            AuthorName = name,
            AuthorEmail = email,
            BodyHtml = bodyHtml,
            Status = status,
            CreatedAt = createdAt,
        });

    /// <summary>
    /// <paramref name="count"/> comments waiting for a moderator on one article, numbered from 0 in their name
    /// ("<paramref name="name"/> 0"), address and text ("&lt;p&gt;<paramref name="name"/> text 0.&lt;/p&gt;"); returns their ids.
    /// </summary>
    public static async Task<List<int>> AddHeldAsync(NewsDbContext db, int articleId, int count, string name)
    {
        var held = Enumerable.Range(0, count).Select(i => new Comment
        {
            ArticleId = articleId,
            AuthorName = $"{name} {i}",
            AuthorEmail = $"{name.ToLowerInvariant()}{i}@example.com",
            BodyHtml = $"<p>{name} text {i}.</p>",
            Status = CommentStatus.Pending,
            CreatedAt = DateTime.UtcNow,
        }).ToList();
        db.Comments.AddRange(held);
        await db.SaveChangesAsync();
        return [.. held.Select(c => c.Id)];
    }
}
