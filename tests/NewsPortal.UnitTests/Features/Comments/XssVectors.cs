namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>
/// Cross-site scripting attack strings a reader might paste into a comment, gathered from the public lists
/// (OWASP XSS Filter Evasion Cheat Sheet, PortSwigger XSS cheat sheet, HTML5 Security Cheatsheet) and the
/// published mutation-XSS write-ups. Each one goes through the whole comment pipeline in the sanitizer tests.
/// </summary>
public static class XssVectors
{
    public static IReadOnlyList<string> All { get; } =
        [.. XssElementVectors.All, .. XssUrlVectors.All, .. XssMarkupVectors.All];
}
