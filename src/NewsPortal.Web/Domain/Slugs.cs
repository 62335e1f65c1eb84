namespace NewsPortal.Web.Domain;

/// <summary>A page readers reach by its slug: an article, a section, a byline, a tag.</summary>
public interface ISluggedPage
{
    string Slug { get; }
}

/// <summary>Lowercase, hyphenated, ASCII URL segments ("Café culture!" becomes "cafe-culture").</summary>
public static class Slugs
{
    public static string From(string text, int maxLength = FieldLengths.Slug)
    {
        var decomposed = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(char.ToLowerInvariant(ch));
                pendingHyphen = false;
            }
            else if (ch != '\'' && ch != '\u2019')
            {
                pendingHyphen = true;
            }
        }

        var result = slug.ToString();
        return result.Length <= maxLength ? result : result[..maxLength].TrimEnd('-');
    }
}
