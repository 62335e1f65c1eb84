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
        // A line break in a name separates words, like any other white space.
        foreach (var ch in Strip(name?.Replace('\r', ' ').Replace('\n', ' '), keepNewLines: false, keepJoiners: false))
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

        // By rune, not by char: invisible characters above U+FFFF (tag characters, musical format marks) come
        // as surrogate pairs.
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (!IsRemoved(rune, keepNewLines, keepJoiners))
            {
                result.Append(rune == new Rune('\t') ? " " : rune.ToString());
            }
        }

        return result.ToString();
    }

    private static bool IsRemoved(Rune rune, bool keepNewLines, bool keepJoiners) => rune.Value switch
    {
        '\n' => !keepNewLines,
        '\t' => false,
        // Joiners shape emoji sequences and Persian and Indic spelling: harmless in a body, hidden in a name.
        0x200C or 0x200D => !keepJoiners,
        // Tag characters spell out flag emoji (England, Scotland, Wales) after a black flag; hidden in a name.
        >= 0xE0020 and <= 0xE007F => !keepJoiners,
        // Zero-width space, LRM/RLM, word joiner, invisible operators, BOM.
        0x200B or 0x200E or 0x200F or 0x2060 or 0x2061 or 0x2062 or 0x2063 or 0x2064 or 0xFEFF => true,
        // Bidirectional embeddings, overrides and isolates, and the Arabic letter mark.
        >= 0x202A and <= 0x202E => true,
        >= 0x2066 and <= 0x2069 => true,
        0x061C => true,
        _ => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format,
    };
}
