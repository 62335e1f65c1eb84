namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>What readers search for, from the daily aggregates: top terms and top terms that found nothing.</summary>
public sealed class SearchStatsService(NewsDbContext db, SiteDays days)
{
    /// <summary>A term searched fewer times than this in a span is not shown: rare terms can point at one person.</summary>
    public const int MinCount = 3;

    public const int Top = 20;

    private readonly SiteDays _days = days;

    public async Task<SearchStatsViewModel> LoadAsync(CancellationToken cancellationToken)
    {
        var today = _days.Today;
        return new SearchStatsViewModel(
            [await SpanAsync(today, 7, cancellationToken), await SpanAsync(today, 30, cancellationToken)],
            MinCount);
    }

    private async Task<SearchStatsSpan> SpanAsync(DateOnly today, int days, CancellationToken cancellationToken)
    {
        var first = today.AddDays(-(days - 1));
        var inSpan = db.DailySearchTerms.AsNoTracking().Where(t => t.Day >= first && t.Day <= today);
        var top = await inSpan.GroupBy(t => t.Term)
            .Select(g => new { Term = g.Key, Searches = g.Sum(t => t.Searches) })
            .Where(t => t.Searches >= MinCount)
            .OrderByDescending(t => t.Searches).ThenBy(t => t.Term)
            .Take(Top)
            .Select(t => new SearchTermCount(t.Term, t.Searches))
            .ToListAsync(cancellationToken);
        var none = await inSpan.GroupBy(t => t.Term)
            .Select(g => new { Term = g.Key, Searches = g.Sum(t => t.Searches), Zero = g.Sum(t => t.ZeroResults) })
            .Where(t => t.Searches >= MinCount && t.Zero > 0)
            .OrderByDescending(t => t.Zero).ThenBy(t => t.Term)
            .Take(Top)
            .Select(t => new SearchTermCount(t.Term, t.Zero))
            .ToListAsync(cancellationToken);
        var total = await inSpan.SumAsync(t => (int?)t.Searches, cancellationToken) ?? 0;
        return new SearchStatsSpan(days, total, top, none);
    }
}

public sealed record SearchTermCount(string Term, int Count);

public sealed record SearchStatsSpan(int Days, int TotalSearches, IReadOnlyList<SearchTermCount> Top, IReadOnlyList<SearchTermCount> NoResults);

public sealed record SearchStatsViewModel(IReadOnlyList<SearchStatsSpan> Spans, int MinCount);
