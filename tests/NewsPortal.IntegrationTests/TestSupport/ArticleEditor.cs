namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>The article editor as a browser uses it: opened, typed over and saved with the button pressed (the intent).</summary>
public static class ArticleEditor
{
    /// <summary>Opens the editor at <paramref name="url"/>, types <paramref name="values"/> over the form as rendered and saves with <paramref name="intent"/>.</summary>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string url, IReadOnlyDictionary<string, string> values, string intent)
    {
        var (_, page) = await Html.GetAsync(editor, url);
        var form = page.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        var fields = Html.FormValues(form, values);
        fields.Add(new("intent", intent));
        return await Html.PostAsync(editor, Html.ActionOf(form), fields);
    }
}
