namespace NewsPortal.Web.Domain;

/// <summary>
/// An address a previous site answered (an imported WordPress permalink, <c>/?p=12</c>, <c>/category/news/</c>) and
/// what it now is. The target is a row, not a URL, so a later rename still lands on the current address.
/// </summary>
public class LegacyAddress
{
    /// <summary>Long enough for real permalinks, short enough for a unique index on SQL Server (900 bytes).</summary>
    public const int PathMaxLength = 400;

    public int Id { get; set; }

    /// <summary>The path as <see cref="LegacyPaths.Normalize"/> leaves it: percent-decoded, lowercase, no trailing slash.</summary>
    public required string Path { get; set; }

    public LegacyTarget Kind { get; set; }

    public int TargetId { get; set; }
}

public enum LegacyTarget
{
    Article = 0,
    Category = 1,
    Tag = 2,
    Author = 3,
}
