namespace NewsPortal.TestSupport;

/// <summary>Reads pages the way a browser does, and fills and submits their forms exactly as rendered.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs <paramref name="url"/>, relative to the client's base address, and parses the answer.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await ParseAsync(response));
    }

    /// <summary>
    /// The form's successful controls as a browser would send them (hidden ones included: antiforgery token,
    /// stamp, honeypot; unchecked boxes left out; repeated names kept), with <paramref name="values"/> typed over them.
    /// </summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name, Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not "submit" and not "button":
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields.Add(new(name, select.Value ?? string.Empty));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return fields;
    }

    public static Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null) =>
        PostAsync(client, ActionOf(form), FormValues(form, values));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>The form's action as the browser posts to it: HTML-decoded, without its fragment.</summary>
    public static string ActionOf(IHtmlFormElement form)
    {
        var action = form.GetAttribute("action") ?? throw new InvalidOperationException("The form has no action.");
        var hash = action.IndexOf('#', StringComparison.Ordinal);
        return WebUtility.HtmlDecode(hash >= 0 ? action[..hash] : action);
    }

    public static IHtmlFormElement CommentForm(IDocument document) =>
        document.QuerySelector<IHtmlFormElement>("#comments form.comment-form")
        ?? throw new InvalidOperationException("The page has no comment form (#comments form.comment-form).");

    /// <summary>The links on a page whose address starts with <paramref name="prefix"/>, in page order.</summary>
    public static IEnumerable<string> Links(IDocument document, string prefix) =>
        document.QuerySelectorAll("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The slugs of the article links on a page, in page order, without repeats.</summary>
    public static IReadOnlyList<string> ArticleSlugs(IDocument document) =>
        Links(document, "/news/")
            .Select(href => href["/news/".Length..].Split('#', '?')[0])
            .Where(slug => slug.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The start of a body, on one line, for failure messages.</summary>
    public static string Excerpt(string text, int length = 600)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
