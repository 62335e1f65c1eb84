namespace NewsPortal.Web.Features.Shared;

public static class FormText
{
    /// <summary>An optional text field as stored: trimmed, and null when nothing but white space was typed.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
