namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>
/// The bylines after the first on the article form: repeated <c>CoAuthorIds</c> selects, in order, so the form works
/// without JavaScript (an empty select is skipped). Stored as <see cref="ArticleCoAuthor"/> rows with their position.
/// </summary>
internal static class CoAuthorList
{
    /// <summary>Empty selects the form always offers for adding co-authors.</summary>
    public const int BlankSlots = 2;

    public static List<int> Chosen(ArticleForm form) => Chosen(form.CoAuthorIds);

    public static List<int> Chosen(IEnumerable<int> ids) => ids.Where(id => id > 0).Take(FieldLengths.CoAuthorsMax).ToList();

    /// <summary>The list as revisions and autosave slots keep it: ids in order, comma-separated.</summary>
    public static string Format(IEnumerable<int> ids) => string.Join(",", Chosen(ids));

    public static List<int> Parse(string? kept) =>
        (kept ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToList();

    public static Task<List<int>> OfAsync(NewsDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.ArticleCoAuthors.AsNoTracking().Where(c => c.ArticleId == articleId).OrderBy(c => c.Position).Select(c => c.AuthorId).ToListAsync(cancellationToken);

    /// <summary>
    /// Messages for the form: too many, one person twice, a byline that does not exist, or a retired byline that
    /// was not already on the story (a retired byline stays on the stories it has, but is not given new ones).
    /// </summary>
    public static async Task CheckAsync(NewsDbContext db, int? articleId, ArticleForm form, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var chosen = Chosen(form);
        var already = articleId is { } id
            ? await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.AuthorId).ToListAsync(cancellationToken)
            : [];
        if (articleId is { } existing)
        {
            already.AddRange(await OfAsync(db, existing, cancellationToken));
        }

        var everyone = chosen.Append(form.AuthorId).Distinct().ToList();
        var known = await db.Authors.AsNoTracking().Where(a => everyone.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.IsRetired }).ToDictionaryAsync(a => a.Id, cancellationToken);
        if (known.TryGetValue(form.AuthorId, out var first) && first.IsRetired && !already.Contains(first.Id))
        {
            errors[nameof(ArticleForm.AuthorId)] = $"{first.Name} has retired and cannot be given new stories. Choose another byline.";
        }

        if (chosen.Count > FieldLengths.CoAuthorsMax)
        {
            errors[nameof(ArticleForm.CoAuthorIds)] = $"At most {FieldLengths.CoAuthorsMax} co-authors.";
        }
        else if (chosen.FirstOrDefault(c => !known.ContainsKey(c)) is > 0)
        {
            errors[nameof(ArticleForm.CoAuthorIds)] = "One of the co-authors no longer exists. Choose from the list.";
        }
        else if (chosen.Append(form.AuthorId).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors[nameof(ArticleForm.CoAuthorIds)] = $"{known.GetValueOrDefault(twice.Key)?.Name ?? "One person"} appears twice in the byline. Choose each person once.";
        }
        else if (chosen.Select(c => known[c]).FirstOrDefault(a => a.IsRetired && !already.Contains(a.Id)) is { } retired)
        {
            errors[nameof(ArticleForm.CoAuthorIds)] = $"{retired.Name} has retired and cannot be given new stories. Choose another co-author.";
        }
    }

    /// <summary>Makes the article's co-author rows the form's list, in its order.</summary>
    public static Task ApplyAsync(NewsDbContext db, Article article, ArticleForm form, CancellationToken cancellationToken) =>
        SetAsync(db, article, Chosen(form), cancellationToken);

    /// <summary>Makes the article's co-author rows <paramref name="chosen"/>, in its order.</summary>
    public static async Task SetAsync(NewsDbContext db, Article article, IReadOnlyList<int> chosen, CancellationToken cancellationToken)
    {
        var rows = article.Id == 0 ? [] : await db.ArticleCoAuthors.Where(c => c.ArticleId == article.Id).ToListAsync(cancellationToken);
        db.ArticleCoAuthors.RemoveRange(rows.Where(r => !chosen.Contains(r.AuthorId)));
        for (var i = 0; i < chosen.Count; i++)
        {
            if (rows.FirstOrDefault(r => r.AuthorId == chosen[i]) is { } row)
            {
                row.Position = i + 1;
            }
            else
            {
                db.ArticleCoAuthors.Add(new ArticleCoAuthor { Article = article, AuthorId = chosen[i], Position = i + 1 });
            }
        }
    }
}
