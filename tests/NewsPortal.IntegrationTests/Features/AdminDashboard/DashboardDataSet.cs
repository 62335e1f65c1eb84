namespace NewsPortal.IntegrationTests.Features.AdminDashboard;

/// <summary>
/// A known comment section over the last days, written straight to the database, with every figure the dashboard
/// should show worked out here by hand from the same times (never by the code under test).
/// </summary>
public sealed class DashboardDataSet
{
    public const string FirstModerator = "mod-one@test.example";
    public const string SecondModerator = "mod-two@test.example";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DashboardDataSet()
    {
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, London));
    }

    public DateOnly Today { get; }

    public DateOnly Day(int daysAgo) => Today.AddDays(-daysAgo);

    /// <summary>UTC of a local time on a day <paramref name="daysAgo"/> days back.</summary>
    public DateTime At(int daysAgo, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(Day(daysAgo).ToDateTime(new TimeOnly(hour, minute)), London);

    public DateTime EndOf(int daysAgo) => TimeZoneInfo.ConvertTimeToUtc(Day(daysAgo - 1).ToDateTime(TimeOnly.MinValue), London);

    public string StoryA { get; private set; } = "";

    public string StoryB { get; private set; } = "";

    /// <summary>Waits (seconds) of the held comments decided three... one day ago, in any order.</summary>
    public List<long> DecisionWaitsYesterday { get; } = [];

    public DateTime OldestHeldSince => At(3, 10);

    public async Task SeedAsync(NewsPortalFactory factory)
    {
        await factory.WithDbAsync(async db =>
        {
            var a = await new ArticleBuilder().Headline("Harbour wall to be rebuilt before winter storms").SaveAsync(db);
            var b = await new ArticleBuilder().Headline("Library opens on Sundays").SaveAsync(db);
            StoryA = a.Headline;
            StoryB = b.Headline;

            // Three days ago on A: 4 published at once (X and Y among them), 2 held, 1 spam.
            var published = Enumerable.Range(0, 4).Select(i => Comment(a.Id, CommentStatus.Approved, At(3, 9, i * 5))).ToList();
            var heldKept = Comment(a.Id, CommentStatus.Pending, At(3, 10));
            var heldRejected = Comment(a.Id, CommentStatus.Rejected, At(3, 10, 30));
            var spam = Comment(a.Id, CommentStatus.Spam, At(3, 11));

            // Two days ago on B: 3 held, all approved by the first moderator yesterday.
            var heldB = Enumerable.Range(0, 3).Select(i => Comment(b.Id, CommentStatus.Approved, At(2, 10, i * 10))).ToList();
            db.Comments.AddRange([.. published, heldKept, heldRejected, spam, .. heldB]);
            await db.SaveChangesAsync();

            int[] decidedAt = [10, 11, 13];
            for (var i = 0; i < 3; i++)
            {
                var at = At(1, decidedAt[i]);
                db.CommentHistory.Add(History(heldB[i].Id, at, FirstModerator, CommentStatus.Pending, CommentStatus.Approved));
                DecisionWaitsYesterday.Add((long)(at - heldB[i].CreatedAt).TotalSeconds);
            }

            var rejectedAt = At(1, 12);
            db.CommentHistory.Add(History(heldRejected.Id, rejectedAt, SecondModerator, CommentStatus.Pending, CommentStatus.Rejected));
            DecisionWaitsYesterday.Add((long)(rejectedAt - heldRejected.CreatedAt).TotalSeconds);

            // Reports two days ago: two on X (dismissed yesterday), one on Y (removed yesterday by the second moderator).
            var x = published[0];
            var y = published[1];
            db.CommentReports.AddRange(
                Report(x.Id, At(2, 14), "r1", ReportDecision.Dismissed, At(1, 15)),
                Report(x.Id, At(2, 15), "r2", ReportDecision.Dismissed, At(1, 15)),
                Report(y.Id, At(2, 16), "r3", ReportDecision.Removed, At(1, 16)));
            y.Status = CommentStatus.Trash;
            db.CommentHistory.Add(History(y.Id, At(1, 16), SecondModerator, CommentStatus.Approved, CommentStatus.Trash));
            await db.SaveChangesAsync();
        });
    }

    private static Comment Comment(int articleId, CommentStatus status, DateTime at) => new()
    {
        ArticleId = articleId,
        AuthorName = "Reader",
        AuthorEmail = "reader@example.com",
        BodyHtml = "<p>A remark.</p>",
        Status = status,
        CreatedAt = at,
    };

    private static CommentHistory History(int commentId, DateTime at, string by, CommentStatus from, CommentStatus to) => new()
    {
        CommentId = commentId,
        ChangedAt = at,
        ChangedBy = by,
        FromStatus = from,
        ToStatus = to,
    };

    private static CommentReport Report(int commentId, DateTime at, string reader, ReportDecision decision, DateTime decidedAt) => new()
    {
        CommentId = commentId,
        Reason = ReportReason.Spam,
        ReaderKey = reader,
        CreatedAt = at,
        Decision = decision,
        DecidedAt = decidedAt,
        DecidedBy = SecondModerator,
    };

    /// <summary>Nearest rank, worked out the textbook way.</summary>
    public static long Percentile(IEnumerable<long> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
    }
}
