namespace NewsPortal.Web.Data.Queries;

/// <summary>LIKE patterns from text a person typed, for <c>EF.Functions.Like(column, pattern, "\\")</c>.</summary>
public static class Like
{
    /// <summary>Makes %, _ and [ literal (with \ as the escape character); [ is a wildcard class on SQL Server.</summary>
    public static string Escape(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);
}
