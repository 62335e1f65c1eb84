namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>The dashboard's charts, read from the daily rows only (a few hundred rows, whatever the archive's size).</summary>
public sealed class DashboardCharts(NewsDbContext db, SiteDays days, DashboardChartsCache cache)
{
    /// <summary>The span of the daily charts.</summary>
    public const int Days = 30;

    /// <summary>The span of "most commented".</summary>
    public const int TopStoryDays = 7;

    public const int TopStories = 10;

    private readonly SiteDays _days = days;

    /// <summary>The charts from <see cref="DashboardChartsCache"/> while their daily rows are unchanged, else read anew.</summary>
    public async Task<DashboardChartsViewModel> LoadAsync(bool withModerators, CancellationToken cancellationToken)
    {
        // Read before the rows: a pass landing after this read leaves newer rows under an older key, never the reverse.
        var local = cache.LocalVersion;
        var version = await db.DailyQueueStats.AsNoTracking().MaxAsync(s => (DateTime?)s.ComputedAt, cancellationToken);
        if (version is null)
        {
            return await ReadAsync(withModerators, cancellationToken);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{_days.Today:yyyy-MM-dd}|{version.Value.Ticks}|{local}|{withModerators}");
        if (cache.Find(withModerators, key) is { } kept)
        {
            return kept;
        }

        var model = await ReadAsync(withModerators, cancellationToken) with { CacheKey = key };
        cache.Keep(withModerators, key, model);
        return model;
    }

    private async Task<DashboardChartsViewModel> ReadAsync(bool withModerators, CancellationToken cancellationToken)
    {
        var today = _days.Today;
        var first = today.AddDays(-(Days - 1));
        var days = Enumerable.Range(0, Days).Select(i => first.AddDays(i)).ToList();
        var labels = days.Select(d => d.ToString("d MMM", CultureInfo.InvariantCulture)).ToList();

        var comments = await db.DailyCommentStats.AsNoTracking()
            .Where(s => s.Day >= first && s.Day <= today)
            .GroupBy(s => s.Day)
            .Select(g => new { Day = g.Key, Published = g.Sum(s => s.Published), Held = g.Sum(s => s.Held), Spam = g.Sum(s => s.Spam) })
            .ToDictionaryAsync(r => r.Day, cancellationToken);
        var queue = await db.DailyQueueStats.AsNoTracking().Where(s => s.Day >= first && s.Day <= today).ToDictionaryAsync(s => s.Day, cancellationToken);
        var reports = await db.DailyReportStats.AsNoTracking().Where(s => s.Day >= first && s.Day <= today).ToDictionaryAsync(s => s.Day, cancellationToken);
        var weekStart = today.AddDays(-(TopStoryDays - 1));
        var top = await db.DailyCommentStats.AsNoTracking()
            .Where(s => s.Day >= weekStart && s.Day <= today)
            .GroupBy(s => s.ArticleId)
            .Select(g => new { ArticleId = g.Key, Published = g.Sum(s => s.Published), Held = g.Sum(s => s.Held) })
            .OrderByDescending(g => g.Published + g.Held).ThenBy(g => g.ArticleId)
            .Take(TopStories)
            .ToListAsync(cancellationToken);
        var topIds = top.Select(t => t.ArticleId).ToList();
        var headlines = await db.Articles.AsNoTracking().Where(a => topIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Headline, a.Slug }).ToDictionaryAsync(a => a.Id, cancellationToken);
        top = top.Where(t => t.Published + t.Held > 0 && headlines.ContainsKey(t.ArticleId)).ToList();

        var charts = new List<Chart>();
        int Sum(Func<DateOnly, int> of) => days.Sum(of);

        var published = days.Select(d => comments.TryGetValue(d, out var c) ? c.Published : 0).ToList();
        var held = days.Select(d => comments.TryGetValue(d, out var c) ? c.Held : 0).ToList();
        var spam = days.Select(d => comments.TryGetValue(d, out var c) ? c.Spam : 0).ToList();
        charts.Add(new Chart(
            "chart-comments",
            $"Comments per day, last {Days} days",
            Invariant($"{published.Sum() + held.Sum() + spam.Sum():#,0} comments in {Days} days: {published.Sum():#,0} published at once, {held.Sum():#,0} held for a moderator, {spam.Sum():#,0} caught as spam. Busiest day: {Busiest(labels, published, held, spam)}."),
            ChartKind.StackedColumns,
            labels,
            [Series("Published", "published", published), Series("Held", "held", held), Series("Spam", "spam", spam)],
            "Day"));

        var pending = days.Select(d => queue.TryGetValue(d, out var q) ? (double?)q.PendingAtEnd : null).ToList();
        var oldest = days.Select(d => queue.TryGetValue(d, out var q) ? (double?)q.OldestPendingSeconds : null).ToList();
        var todayQueue = queue.GetValueOrDefault(today);
        charts.Add(new Chart(
            "chart-queue",
            "Moderation queue at the end of each day",
            todayQueue is null
                ? "No figures yet for the queue."
                : Invariant($"{todayQueue.PendingAtEnd:#,0} comments waiting now; the longest queue in {Days} days was {pending.Max() ?? 0:#,0}."),
            ChartKind.Lines,
            labels,
            [new ChartSeries("Waiting", "held", pending)],
            "Day"));
        charts.Add(new Chart(
            "chart-oldest",
            "Oldest waiting comment at the end of each day",
            todayQueue is null
                ? "No figures yet for the queue."
                : todayQueue.OldestPendingSeconds == 0 ? "No comment is waiting now." : $"The oldest comment waiting now has waited {Chart.Duration(todayQueue.OldestPendingSeconds)}.",
            ChartKind.Lines,
            labels,
            [new ChartSeries("Oldest waiting", "oldest", oldest)],
            "Day",
            ChartUnit.Duration));

        var median = days.Select(d => queue.TryGetValue(d, out var q) ? (double?)q.MedianDecisionSeconds : null).ToList();
        var p90 = days.Select(d => queue.TryGetValue(d, out var q) ? (double?)q.P90DecisionSeconds : null).ToList();
        var decisions = Sum(d => queue.TryGetValue(d, out var q) ? q.Decisions : 0);
        charts.Add(new Chart(
            "chart-decision-time",
            "Time to a decision on held comments, per day",
            decisions == 0
                ? $"No held comment was decided in the last {Days} days."
                : Invariant($"{decisions:#,0} held comments decided in {Days} days. Half of each day's decisions came within the median, nine in ten within the 90th percentile."),
            ChartKind.Lines,
            labels,
            [new ChartSeries("Median", "median", median), new ChartSeries("90th percentile", "p90", p90)],
            "Day",
            ChartUnit.Duration));

        var received = days.Select(d => reports.TryGetValue(d, out var r) ? r.Received : 0).ToList();
        var dismissed = days.Select(d => reports.TryGetValue(d, out var r) ? r.Dismissed : 0).ToList();
        var hidden = days.Select(d => reports.TryGetValue(d, out var r) ? r.Hidden : 0).ToList();
        var removed = days.Select(d => reports.TryGetValue(d, out var r) ? r.Removed : 0).ToList();
        charts.Add(new Chart(
            "chart-reports",
            "Reader reports per day",
            Invariant($"{received.Sum():#,0} reports received in {Days} days; decided: {dismissed.Sum():#,0} dismissed, {hidden.Sum():#,0} hidden, {removed.Sum():#,0} removed."),
            ChartKind.Lines,
            labels,
            [Series("Received", "received", received), Series("Dismissed", "dismissed", dismissed), Series("Hidden", "hidden", hidden), Series("Removed", "removed", removed)],
            "Day"));

        charts.Add(new Chart(
            "chart-top-stories",
            $"Most commented stories, last {TopStoryDays} days",
            top.Count == 0
                ? $"No story was commented on in the last {TopStoryDays} days."
                : Invariant($"“{headlines[top[0].ArticleId].Headline}” drew the most comments: {top[0].Published + top[0].Held:#,0} (spam not counted)."),
            ChartKind.StackedRows,
            top.Select(t => headlines[t.ArticleId].Headline).ToList(),
            [Series("Published", "published", top.Select(t => t.Published).ToList()), Series("Held", "held", top.Select(t => t.Held).ToList())],
            "Story",
            CategoryLinks: top.Select(t => $"/news/{headlines[t.ArticleId].Slug}").ToList()));

        if (withModerators)
        {
            var moderators = await db.DailyModerationStats.AsNoTracking()
                .Where(s => s.Day >= first && s.Day <= today)
                .GroupBy(s => s.Moderator)
                .Select(g => new
                {
                    Moderator = g.Key,
                    Approved = g.Sum(s => s.Approved),
                    Rejected = g.Sum(s => s.Rejected),
                    Spam = g.Sum(s => s.Spam),
                    Trashed = g.Sum(s => s.Trashed),
                    Requeued = g.Sum(s => s.Requeued),
                })
                .ToListAsync(cancellationToken);
            moderators = moderators.OrderByDescending(m => m.Approved + m.Rejected + m.Spam + m.Trashed + m.Requeued).ThenBy(m => m.Moderator, StringComparer.Ordinal).ToList();
            charts.Add(new Chart(
                "chart-moderators",
                $"Decisions per moderator, last {Days} days",
                moderators.Count == 0
                    ? $"No moderator changed a comment's status in the last {Days} days."
                    : Invariant($"{moderators.Count} moderators made {moderators.Sum(m => m.Approved + m.Rejected + m.Spam + m.Trashed + m.Requeued):#,0} decisions."),
                ChartKind.StackedRows,
                moderators.Select(m => m.Moderator).ToList(),
                [
                    Series("Approved", "published", moderators.Select(m => m.Approved).ToList()),
                    Series("Rejected", "rejected", moderators.Select(m => m.Rejected).ToList()),
                    Series("Spam", "spam", moderators.Select(m => m.Spam).ToList()),
                    Series("Binned", "trash", moderators.Select(m => m.Trashed).ToList()),
                    Series("Back to the queue", "held", moderators.Select(m => m.Requeued).ToList()),
                ],
                "Moderator"));
        }

        var computed = await db.DailyQueueStats.AsNoTracking().Where(s => s.Day == today).Select(s => (DateTime?)s.ComputedAt).FirstOrDefaultAsync(cancellationToken);
        return new DashboardChartsViewModel(charts, computed);
    }

    private static ChartSeries Series(string name, string style, List<int> values) => new(name, style, values.Select(v => (double?)v).ToList());

    private static string Busiest(List<string> labels, List<int> a, List<int> b, List<int> c)
    {
        var totals = Enumerable.Range(0, labels.Count).Select(i => a[i] + b[i] + c[i]).ToList();
        var max = totals.Max();
        return max == 0 ? "none" : Invariant($"{labels[totals.IndexOf(max)]} ({max:#,0})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <param name="ComputedAt">UTC: when today's figures were last computed; null before the first pass.</param>
public sealed record DashboardChartsViewModel(IReadOnlyList<Chart> Charts, DateTime? ComputedAt)
{
    /// <summary>The daily rows' version these charts were read from; the rendered charts are kept under it. Null: not kept.</summary>
    public string? CacheKey { get; init; }
}
