using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Search;

public sealed class SearchService
{
    public const int PageSize = 10;
    public const int MaxTerms = 5;
    private const char LikeEscape = '\\';

    private readonly NewsDbContext _db;
    private readonly SiteClock _clock;

    public SearchService(NewsDbContext db, SiteClock clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>
    /// Every word of the query must appear in the headline, standfirst or body. LIKE is case-insensitive for
    /// ASCII on SQLite and under SQL Server's default collation, so both providers behave alike.
    /// </summary>
    public async Task<SearchViewModel> SearchAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var normalized = Normalize(query);
        var terms = Terms(normalized);
        if (terms.Count == 0)
        {
            return new SearchViewModel { Query = normalized };
        }

        var articles = _db.Articles.AsNoTracking().VisibleAt(_clock.UtcNow);
        foreach (var term in terms)
        {
            var pattern = $"%{EscapeLike(term)}%";
            articles = articles.Where(a =>
                EF.Functions.Like(a.Headline, pattern, LikeEscape.ToString())
                || EF.Functions.Like(a.Standfirst, pattern, LikeEscape.ToString())
                || EF.Functions.Like(a.BodyHtml, pattern, LikeEscape.ToString()));
        }

        var results = await articles.NewestFirst()
            .ToSummaryPageAsync(_db.Articles.AsNoTracking(), page, PageSize, cancellationToken);
        return new SearchViewModel { Query = normalized, Results = results };
    }

    internal static string Normalize(string? query)
    {
        var trimmed = (query ?? string.Empty).Trim();
        return trimmed.Length > FieldLengths.SearchQuery ? trimmed[..FieldLengths.SearchQuery] : trimmed;
    }

    internal static List<string> Terms(string normalized) =>
        normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)
            .ToList();

    /// <summary>Makes %, _ and [ literal; [ is a wildcard class on SQL Server.</summary>
    internal static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);
}
