namespace NewsPortal.Web.Features.Shared;

[ImmutableObject(true)]
public sealed class PagedList<T>(IReadOnlyList<T> items, int page, int pageSize, int totalCount)
{
    public IReadOnlyList<T> Items { get; } = items;
    public int Page { get; } = page;
    public int PageSize { get; } = pageSize;
    public int TotalCount { get; } = totalCount;

    /// <summary>How far <see cref="TotalCount"/> can be trusted; lists over a large archive do not count every row on every view.</summary>
    public TotalKind TotalKind { get; init; } = TotalKind.Exact;

    public int PageCount => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    /// <summary>Past a lower-bound total, a full page may have more after it.</summary>
    public bool HasNext => Page < PageCount || (TotalKind == TotalKind.AtLeast && Items.Count == PageSize);

    /// <summary>The total as a staff list says it: "1 comment", "About 12,345 comments", "More than 1,000 comments; …".</summary>
    public string CountText(string one, string many)
    {
        var total = TotalCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        var noun = TotalCount == 1 ? one : many;
        return TotalKind switch
        {
            TotalKind.AtLeast => $"More than {total} {noun}; narrow the search to see how many.",
            TotalKind.Recent => $"About {total} {noun}",
            _ => $"{total} {noun}",
        };
    }
}
