using System.Globalization;
using System.Text;

namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// Text clean-up applied to what readers type, before validation and storage: Unicode NFC, and no control,
/// bidirectional-override or invisible characters that could spoof a name or hide text from moderators.
/// </summary>
public static class CommentText
{
    /// <summary>A display name: one line, NFC, visible characters only, single spaces, trimmed.</summary>
    public static string CleanName(string? name)
    {
        var cleaned = new StringBuilder();
        var pendingSpace = false;
        foreach (var ch in Strip(name, keepNewLines: false, keepJoiners: false))
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = cleaned.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                cleaned.Append(' ');
                pendingSpace = false;
            }

            cleaned.Append(ch);
        }

        return cleaned.ToString();
    }

    /// <summary>A comment body: NFC, line breaks normalised to \n, dangerous invisible characters removed, trimmed.</summary>
    public static string CleanBody(string? body) =>
        Strip(body?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), keepNewLines: true, keepJoiners: true)
            .Trim();

    /// <summary>An email address as stored and compared: trimmed and lowercase.</summary>
    public static string CleanEmail(string? email) =>
        Strip(email, keepNewLines: false, keepJoiners: false).Trim().ToLowerInvariant();

    private static string Strip(string? text, bool keepNewLines, bool keepJoiners)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (IsRemoved(ch, keepNewLines, keepJoiners))
            {
                continue;
            }

            result.Append(ch == '\t' ? ' ' : ch);
        }

        return result.ToString();
    }

    private static bool IsRemoved(char ch, bool keepNewLines, bool keepJoiners) => ch switch
    {
        '\n' => !keepNewLines,
        '\t' => false,
        // Zero-width joiner builds emoji sequences (family, flags); harmless in a body, hidden in a name.
        '\u200D' => !keepJoiners,
        // Zero-width space and non-joiner, LRM/RLM, word joiner, invisible operators, BOM.
        '\u200B' or '\u200C' or '\u200E' or '\u200F' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF' => true,
        // Bidirectional embeddings, overrides and isolates.
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\u061C' => true,
        _ => CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.Control or UnicodeCategory.Format
             && ch != '\u200D',
    };
}
