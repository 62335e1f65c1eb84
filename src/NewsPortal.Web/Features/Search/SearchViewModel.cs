using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Search;

public sealed record SearchViewModel
{
    /// <summary>What the reader typed (trimmed and cut to the field's length), to show back in the box.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>What was actually searched for, in the reader's syntax (symbols and operators left out).</summary>
    public string Searched { get; init; } = string.Empty;

    public string? Section { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public IReadOnlyList<SectionChoice> Sections { get; init; } = [];

    /// <summary>Why part of the request was set aside (a bad date, an unknown section).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Null when nothing was searched for.</summary>
    public PagedList<SearchResult>? Results { get; init; }

    /// <summary>More matched than are ranked (<see cref="SearchService.MaxRanked"/>): the newest of them were.</summary>
    public bool IsCapped { get; init; }

    public IReadOnlyList<SearchSuggestion> Suggestions { get; init; } = [];

    /// <summary>No search slot came free in time (<see cref="SearchGate"/>): answered 503 with Retry-After.</summary>
    public bool IsBusy { get; init; }

    public bool HasFilters => Section is not null || From is not null || To is not null;
}

public sealed record SectionChoice(int Id, string Name, string Slug);

public sealed record SearchResult(ArticleSummary Article, IReadOnlyList<TextSegment> Headline, IReadOnlyList<TextSegment> Snippet);

public sealed record SearchSuggestion(string Query, int Count, bool IsCapped);
