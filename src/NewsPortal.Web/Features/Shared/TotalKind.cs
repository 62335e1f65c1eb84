namespace NewsPortal.Web.Features.Shared;

/// <summary>How far a list's total can be trusted.</summary>
public enum TotalKind
{
    /// <summary>Counted for this request.</summary>
    Exact,

    /// <summary>Counted a short while ago (see the list's service for how long); shown as "about".</summary>
    Recent,

    /// <summary>Counted up to a limit that was reached; there are at least this many, shown as "more than".</summary>
    AtLeast,
}
