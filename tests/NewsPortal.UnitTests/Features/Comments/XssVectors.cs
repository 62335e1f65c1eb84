namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>
/// Cross-site scripting attack strings a reader might paste into a comment, gathered from the public lists
/// (OWASP XSS Filter Evasion Cheat Sheet, PortSwigger XSS cheat sheet, HTML5 Security Cheatsheet) and the
/// published mutation-XSS write-ups. Each one goes through the whole comment pipeline in the sanitizer tests.
/// </summary>
/// <remarks>
/// The corpus is data, kept in XssVectors.json (copied beside the tests): each group's name says what its vectors try
/// (elements and their handlers, script in a URL or a style, tricks on the parser or the comment pipeline), and each
/// vector is one JSON string, so control characters, NULs and invisible characters are written as escapes.
/// </remarks>
public static class XssVectors
{
    public static IReadOnlyList<string> All { get; } = Load();

    private static string[] Load()
    {
        using var corpus = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Comments", "XssVectors.json")));
        return [.. corpus.RootElement.EnumerateObject().SelectMany(group => group.Value.EnumerateArray()).Select(vector => vector.GetString()!)];
    }
}
