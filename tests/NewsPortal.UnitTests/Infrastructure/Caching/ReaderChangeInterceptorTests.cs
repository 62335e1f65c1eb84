namespace NewsPortal.UnitTests.Infrastructure.Caching;

/// <summary>
/// Change classification: which tracked changes move which reader-cache version (<see cref="ReaderChange"/>), and
/// which move none because readers cannot see them. Entities are only tracked, never saved.
/// </summary>
public sealed class ReaderChangeInterceptorTests : IDisposable
{
    private readonly SqliteNewsDbContext _db = new(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite("Data Source=:memory:").Options);

    public void Dispose() => _db.Dispose();

    private ReaderChange? Classify() => ReaderChangeInterceptor.Classify(_db.ChangeTracker.Entries());

    private static Article NewArticle(int id, ArticleStatus status) => new()
    {
        Id = id,
        Slug = $"story-{id}",
        Headline = "Headline",
        Standfirst = "Standfirst",
        BodyHtml = "<p>Body</p>",
        Status = status,
        AuthorId = 1,
        CategoryId = 1,
    };

    private static Comment NewComment(int id, CommentStatus status) => new()
    {
        Id = id,
        ArticleId = 1,
        AuthorName = "Reader",
        AuthorEmail = "reader@example.test",
        BodyHtml = "<p>Comment</p>",
        Status = status,
    };

    [Fact]
    public void Classify_NothingTracked_IsNothing() => Assert.Null(Classify());

    [Theory]
    [InlineData(ArticleStatus.Draft, null)]
    [InlineData(ArticleStatus.Scheduled, ReaderChange.Articles)]
    [InlineData(ArticleStatus.Published, ReaderChange.Articles)]
    public void Classify_ArticleAdded_CountsUnlessADraft(ArticleStatus status, ReaderChange? expected)
    {
        _db.Add(NewArticle(1, status));
        Assert.Equal(expected, Classify());
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Draft, null)] // a draft edited stays invisible
    [InlineData(ArticleStatus.Draft, ArticleStatus.Published, ReaderChange.Articles)] // published
    [InlineData(ArticleStatus.Draft, ArticleStatus.Scheduled, ReaderChange.Articles)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Draft, ReaderChange.Articles)] // unpublished
    [InlineData(ArticleStatus.Published, ArticleStatus.Published, ReaderChange.Articles)] // a correction
    [InlineData(ArticleStatus.Scheduled, ArticleStatus.Draft, ReaderChange.Articles)] // taken off the schedule
    public void Classify_ArticleModified_CountsWhenItIsOrWasVisible(ArticleStatus before, ArticleStatus after, ReaderChange? expected)
    {
        var article = NewArticle(1, before);
        _db.Attach(article);
        article.Headline = "Corrected headline";
        article.Status = after;
        Assert.Equal(expected, Classify());
    }

    [Fact]
    public void Classify_ArticleTrackedButUnchanged_IsNothing()
    {
        _db.Attach(NewArticle(1, ArticleStatus.Published));
        Assert.Null(Classify());
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Published)]
    public void Classify_ArticleDeleted_IsArticles_WhateverItsStatus(ArticleStatus status)
    {
        _db.Remove(NewArticle(1, status));
        Assert.Equal(ReaderChange.Articles, Classify());
    }

    [Fact]
    public void Classify_CoAuthorAddedToADraftThatWasADraft_IsNothing()
    {
        var article = NewArticle(1, ArticleStatus.Draft);
        _db.Attach(article);
        article.CoAuthors.Add(new ArticleCoAuthor { AuthorId = 2, Position = 1 });
        Assert.Null(Classify());
    }

    [Fact]
    public void Classify_CoAuthorAddedToANewDraft_IsNothing()
    {
        var article = NewArticle(1, ArticleStatus.Draft);
        article.CoAuthors.Add(new ArticleCoAuthor { AuthorId = 2, Position = 1 });
        _db.Add(article);
        Assert.Null(Classify());
    }

    [Fact]
    public void Classify_CoAuthorAddedToAPublishedStory_IsArticles()
    {
        var article = NewArticle(1, ArticleStatus.Published);
        _db.Attach(article);
        article.CoAuthors.Add(new ArticleCoAuthor { AuthorId = 2, Position = 1 });
        Assert.Equal(ReaderChange.Articles, Classify());
    }

    [Fact]
    public void Classify_CoAuthorRemovedFromAStoryBeingUnpublished_IsArticles()
    {
        // A draft now, but readers saw the byline until this save.
        var coAuthor = new ArticleCoAuthor { ArticleId = 1, AuthorId = 2, Position = 1 };
        var article = NewArticle(1, ArticleStatus.Published);
        article.CoAuthors.Add(coAuthor);
        _db.Attach(article);
        article.Status = ArticleStatus.Draft;
        _db.Remove(coAuthor);
        Assert.Equal(ReaderChange.Articles, ReaderChangeInterceptor.Classify(_db.ChangeTracker.Entries().Where(e => e.Entity is ArticleCoAuthor)));
    }

    [Fact]
    public void Classify_CoAuthorOfAnArticleNotTracked_IsArticles()
    {
        _db.Add(new ArticleCoAuthor { ArticleId = 1, AuthorId = 2, Position = 1 });
        Assert.Equal(ReaderChange.Articles, Classify());
    }

    public static TheoryData<string> ArticleLevelEntities => ["category", "tag", "author", "article redirect", "category redirect", "author redirect", "comment settings", "article note"];

    private static object ArticleLevel(string kind) => kind switch
    {
        "category" => new Category { Id = 1, Name = "World", Slug = "world" },
        "tag" => new Tag { Id = 1, Name = "Climate", Slug = "climate" },
        "author" => new Author { Id = 1, Name = "Ada Reporter", Slug = "ada-reporter" },
        "article redirect" => new ArticleSlugRedirect { Id = 1, OldSlug = "old", ArticleId = 1 },
        "category redirect" => new CategorySlugRedirect { Id = 1, OldSlug = "old", CategoryId = 1 },
        "author redirect" => new AuthorSlugRedirect { Id = 1, OldSlug = "old", AuthorId = 1 },
        "comment settings" => new CommentSettings(),
        "article note" => new ArticleNote { Id = 1, ArticleId = 1, Text = "Correction", CreatedBy = "editor" },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(ArticleLevelEntities))]
    public void Classify_ArticleLevelEntityAddedChangedOrDeleted_IsArticles(string kind)
    {
        foreach (var state in new[] { EntityState.Added, EntityState.Modified, EntityState.Deleted })
        {
            _db.ChangeTracker.Clear();
            _db.Entry(ArticleLevel(kind)).State = state;
            Assert.True(Classify() == ReaderChange.Articles, $"A {kind} {state} should move the articles version; it moved {Classify()?.ToString() ?? "nothing"}.");
        }
    }

    [Theory]
    [MemberData(nameof(ArticleLevelEntities))]
    public void Classify_ArticleLevelEntityUnchanged_IsNothing(string kind)
    {
        _db.Attach(ArticleLevel(kind));
        Assert.Null(Classify());
    }

    [Fact]
    public void Classify_TagLinkedToAStory_IsArticles()
    {
        var article = NewArticle(1, ArticleStatus.Published);
        var tag = new Tag { Id = 1, Name = "Climate", Slug = "climate" };
        _db.AttachRange(article, tag);
        article.Tags.Add(tag);
        Assert.Equal(ReaderChange.Articles, Classify());
    }

    [Theory]
    [InlineData(CommentStatus.Approved, ReaderChange.Comments)]
    [InlineData(CommentStatus.Pending, null)] // held for moderation: readers do not see it yet
    [InlineData(CommentStatus.Spam, null)]
    public void Classify_CommentAdded_CountsOnlyWhenApproved(CommentStatus status, ReaderChange? expected)
    {
        _db.Add(NewComment(1, status));
        Assert.Equal(expected, Classify());
    }

    [Theory]
    [InlineData(CommentStatus.Pending, CommentStatus.Approved, ReaderChange.Comments)] // approved
    [InlineData(CommentStatus.Approved, CommentStatus.Trash, ReaderChange.Comments)] // taken down
    [InlineData(CommentStatus.Approved, CommentStatus.Pending, ReaderChange.Comments)] // held by reports
    [InlineData(CommentStatus.Pending, CommentStatus.Spam, null)] // a held comment moved to spam
    [InlineData(CommentStatus.Spam, CommentStatus.Trash, null)]
    public void Classify_CommentStatusChanged_CountsWhenItIsOrWasApproved(CommentStatus before, CommentStatus after, ReaderChange? expected)
    {
        var comment = NewComment(1, before);
        _db.Attach(comment);
        comment.Status = after;
        Assert.Equal(expected, Classify());
    }

    [Theory]
    [InlineData(nameof(Comment.BodyHtml), "<p>Edited</p>", true)]
    [InlineData(nameof(Comment.AuthorName), "Erased reader", true)]
    [InlineData(nameof(Comment.IsStaffReply), true, true)]
    [InlineData(nameof(Comment.AuthorEmail), "other@example.test", false)] // never shown
    [InlineData(nameof(Comment.IpAddress), "192.0.2.1", false)]
    [InlineData(nameof(Comment.ReportPriority), 3, false)] // moderators' queue only
    public void Classify_ApprovedCommentEdited_CountsOnlyWhatReadersSee(string property, object value, bool visible)
    {
        var comment = NewComment(1, CommentStatus.Approved);
        _db.Attach(comment);
        _db.Entry(comment).Property(property).CurrentValue = value;
        Assert.Equal(visible ? ReaderChange.Comments : null, Classify());
    }

    [Fact]
    public void Classify_HeldCommentEdited_IsNothing()
    {
        var comment = NewComment(1, CommentStatus.Pending);
        _db.Attach(comment);
        comment.BodyHtml = "<p>Edited while held</p>";
        Assert.Null(Classify());
    }

    [Theory]
    [InlineData(CommentStatus.Approved, ReaderChange.Comments)]
    [InlineData(CommentStatus.Pending, null)]
    public void Classify_CommentDeleted_CountsWhenItWasApproved(CommentStatus status, ReaderChange? expected)
    {
        _db.Remove(NewComment(1, status));
        Assert.Equal(expected, Classify());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Classify_CommentAndStoryChangedTogether_IsTheStrongerArticles_InEitherOrder(bool commentFirst)
    {
        var comment = NewComment(1, CommentStatus.Approved);
        var article = NewArticle(2, ArticleStatus.Published);
        if (commentFirst)
        {
            _db.Add(comment);
            _db.Add(article);
        }
        else
        {
            _db.Add(article);
            _db.Add(comment);
        }

        Assert.Equal(ReaderChange.Articles, Classify());
    }
}
