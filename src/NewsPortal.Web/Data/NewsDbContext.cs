namespace NewsPortal.Web.Data;

/// <summary>
/// The one context the application depends on. It carries all mapping and is the SQL Server context;
/// <see cref="SqliteNewsDbContext"/> derives from it and changes only what SQLite needs.
/// </summary>
public class NewsDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    public NewsDbContext(DbContextOptions<NewsDbContext> options)
        : base(options)
    {
    }

    /// <summary>For derived provider contexts, which carry their own options type.</summary>
    protected NewsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentHistory> CommentHistory => Set<CommentHistory>();
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    public DbSet<ArticleSlugRedirect> ArticleSlugRedirects => Set<ArticleSlugRedirect>();
    public DbSet<CategorySlugRedirect> CategorySlugRedirects => Set<CategorySlugRedirect>();
    public DbSet<AuthorSlugRedirect> AuthorSlugRedirects => Set<AuthorSlugRedirect>();
    public DbSet<ArticleCoAuthor> ArticleCoAuthors => Set<ArticleCoAuthor>();
    public DbSet<CommentSettings> CommentSettings => Set<CommentSettings>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SiteSecret> SiteSecrets => Set<SiteSecret>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxQuote> OutboxQuotes => Set<OutboxQuote>();
    public DbSet<PrivacyRequest> PrivacyRequests => Set<PrivacyRequest>();
    public DbSet<CommentSettingsChange> CommentSettingsChanges => Set<CommentSettingsChange>();
    public DbSet<StaffMailPreference> StaffMailPreferences => Set<StaffMailPreference>();
    public DbSet<MailTrigger> MailTriggers => Set<MailTrigger>();
    public DbSet<ReplySubscription> ReplySubscriptions => Set<ReplySubscription>();
    public DbSet<SubscriberAddress> SubscriberAddresses => Set<SubscriberAddress>();
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();
    public DbSet<MediaVariant> MediaVariants => Set<MediaVariant>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleAutosave> ArticleAutosaves => Set<ArticleAutosave>();
    public DbSet<EditingPresence> EditingPresence => Set<EditingPresence>();

    public DbSet<ArticleNote> ArticleNotes => Set<ArticleNote>();
    public DbSet<ArticleEvent> ArticleEvents => Set<ArticleEvent>();
    public DbSet<ArticlePreviewLink> ArticlePreviewLinks => Set<ArticlePreviewLink>();

    public DbSet<DailyCommentStats> DailyCommentStats => Set<DailyCommentStats>();
    public DbSet<DailyModerationStats> DailyModerationStats => Set<DailyModerationStats>();
    public DbSet<DailyQueueStats> DailyQueueStats => Set<DailyQueueStats>();
    public DbSet<DailyReportStats> DailyReportStats => Set<DailyReportStats>();
    public DbSet<DailySearchTerm> DailySearchTerms => Set<DailySearchTerm>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<ImportedItem> ImportedItems => Set<ImportedItem>();
    public DbSet<LegacyAddress> LegacyAddresses => Set<LegacyAddress>();
    public DbSet<WordPressImportRun> WordPressImportRuns => Set<WordPressImportRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }
}
