using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>Reads pages the way a browser does, and fills their forms exactly as rendered.</summary>
public static class Html
{
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

    public static string ActionOf(IHtmlFormElement form)
    {
        var action = form.GetAttribute("action") ?? throw new InvalidOperationException("The form has no action.");
        var hash = action.IndexOf('#', StringComparison.Ordinal);
        return WebUtility.HtmlDecode(hash >= 0 ? action[..hash] : action);
    }

    public static IHtmlFormElement CommentForm(IDocument document) =>
        document.QuerySelector<IHtmlFormElement>("#comments form.comment-form")
        ?? throw new InvalidOperationException("The article page has no comment form (#comments form.comment-form).");

    /// <summary>The paths of article links on a page, in page order, without repeats.</summary>
    public static IReadOnlyList<string> ArticleSlugs(IDocument document) =>
        document.QuerySelectorAll("a[href^='/news/']")
            .Select(a => a.GetAttribute("href")!["/news/".Length..].Split('#', '?')[0])
            .Where(slug => slug.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The start of a body, for failure messages.</summary>
    public static string Excerpt(string text, int length = 600)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
