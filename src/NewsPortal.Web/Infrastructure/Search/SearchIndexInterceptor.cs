namespace NewsPortal.Web.Infrastructure.Search;

/// <summary>
/// Keeps the search index in step with every save, in the same transaction: no write path can forget it, and a
/// save that rolls back leaves the index as it was. <c>SavingChanges</c> notes what changed (articles' indexed
/// text, their tags, renamed sections, authors and tags, comments' text and who wrote them) and makes the save use a transaction
/// even for a single statement; just before that transaction commits, when new rows already have their ids,
/// the affected index rows are rebuilt through EF's own command pipeline (its connection, transaction, logging
/// and interceptors). On SQL Server the save, this included, runs inside the retrying execution strategy.
/// </summary>
public sealed class SearchIndexInterceptor : PendingChangesInterceptor<SearchIndexInterceptor.Pending>
{
    private static readonly HashSet<string> IndexedArticleProperties =
        [nameof(Article.Headline), nameof(Article.Standfirst), nameof(Article.BodyHtml), nameof(Article.CategoryId), nameof(Article.AuthorId)];

    private static readonly HashSet<string> IndexedCommentProperties =
        [nameof(Comment.BodyHtml), nameof(Comment.AuthorName), nameof(Comment.AuthorEmail), nameof(Comment.IpAddress)];

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Restore(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        // Synchronous saves are rare here (the site saves asynchronously); the SQL runs synchronously underneath
        // for SQLite, and this blocks only in that case.
        WriteAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await WriteAsync(eventData.Context, cancellationToken);
        return result;
    }

    /// <summary>The index writer for a context, on its connection and current transaction.</summary>
    public static SearchIndexWriter WriterFor(DbContext context) =>
        new(new EfSearchSqlRunner(context), Data.Queries.SearchIndexDialects.For(context.Database));

    protected override void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Pending? pending = null;
        Pending Get() => pending ??= PendingFor(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Article when entry.State is EntityState.Added or EntityState.Deleted
                    || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && IndexedArticleProperties.Contains(p.Metadata.Name))):
                    Get().Articles.Add(entry);
                    break;
                // A new article's links carry a temporary id until it is inserted; the article itself is noted above.
                case Dictionary<string, object> when entry.Metadata.Name == "ArticleTag" && entry.State is EntityState.Added or EntityState.Deleted
                    && !entry.Property("ArticleId").IsTemporary:
                    Get().LinkedArticleIds.Add((int)entry.Property("ArticleId").CurrentValue!);
                    break;
                case Comment when entry.State is EntityState.Added or EntityState.Deleted
                    || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && IndexedCommentProperties.Contains(p.Metadata.Name))):
                    Get().Comments.Add(entry);
                    break;
                case Category category when Renamed(entry):
                    Get().Renamed.Add(("CategoryId", category.Id));
                    break;
                case Author author when Renamed(entry):
                    Get().Renamed.Add(("AuthorId", author.Id));
                    break;
                case Tag tag when Renamed(entry):
                    Get().Renamed.Add(("TagId", tag.Id));
                    break;
            }
        }

        if (pending is not null && context.Database.AutoTransactionBehavior != AutoTransactionBehavior.Always)
        {
            // A single-statement save would otherwise run without a transaction, leaving no moment before the commit.
            pending.RestoreBehavior = context.Database.AutoTransactionBehavior;
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }

        static bool Renamed(EntityEntry entry) =>
            entry.State == EntityState.Modified && entry.Property("Name").IsModified;
    }

    private async Task WriteAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (!TryGetPending(context, out var pending) || pending.IsEmpty)
        {
            return;
        }

        var writer = WriterFor(context);
        // A new row's id is in its entry (the database's value) before it reaches the entity, after the commit.
        var articleIds = pending.Articles.Select(Id)
            .Concat(pending.LinkedArticleIds)
            .ToList();
        foreach (var group in pending.Renamed.GroupBy(r => r.Column))
        {
            articleIds.AddRange(await writer.ArticlesOfAsync(group.Key, group.Select(r => r.Id).ToList(), cancellationToken));
        }

        var commentIds = pending.Comments.Select(Id).ToList();
        pending.Clear();
        await writer.RefreshArticlesAsync(articleIds, cancellationToken);
        await writer.RefreshCommentsAsync(commentIds, cancellationToken);
    }

    private static int Id(EntityEntry entry) => (int)entry.Property("Id").CurrentValue!;

    private void Restore(DbContext? context)
    {
        if (TryGetPending(context, out var pending) && pending.RestoreBehavior is { } behavior)
        {
            context.Database.AutoTransactionBehavior = behavior;
            pending.RestoreBehavior = null;
        }
    }

    protected override void SaveFailed(DbContext? context)
    {
        Restore(context);
        base.SaveFailed(context);
    }

    protected override void Clear(Pending pending) => pending.Clear();

    public sealed class Pending
    {
        public List<EntityEntry> Articles { get; } = [];
        public List<int> LinkedArticleIds { get; } = [];
        public List<EntityEntry> Comments { get; } = [];
        public List<(string Column, int Id)> Renamed { get; } = [];
        public AutoTransactionBehavior? RestoreBehavior { get; set; }

        public bool IsEmpty => Articles.Count == 0 && LinkedArticleIds.Count == 0 && Comments.Count == 0 && Renamed.Count == 0;

        public void Clear()
        {
            Articles.Clear();
            LinkedArticleIds.Clear();
            Comments.Clear();
            Renamed.Clear();
        }
    }
}

/// <summary>The index's SQL through EF's command pipeline: the context's connection, its transaction, its interceptors.</summary>
internal sealed class EfSearchSqlRunner(DbContext context) : ISearchSqlRunner
{
    private readonly DbContext _context = context;

    public async Task<List<object?[]>> QueryAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        var raw = _context.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        await using var reader = await raw.RelationalCommand.ExecuteReaderAsync(Arguments(raw), cancellationToken);
        var rows = new List<object?[]>();
        var data = reader.DbDataReader;
        while (await data.ReadAsync(cancellationToken))
        {
            var row = new object?[Math.Min(data.FieldCount, 16)];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await data.IsDBNullAsync(i, cancellationToken) ? null : data.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task ExecuteAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        var raw = _context.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        await raw.RelationalCommand.ExecuteNonQueryAsync(Arguments(raw), cancellationToken);
    }

    public Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken) =>
        _context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await _context.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });

    private RelationalCommandParameterObject Arguments(RawSqlCommand raw) => new(
        _context.GetService<IRelationalConnection>(),
        raw.ParameterValues,
        null,
        _context,
        _context.GetService<IRelationalCommandDiagnosticsLogger>(),
        CommandSource.ExecuteSqlRaw);
}
