namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>Posts as another site would send them: the form's fields without the antiforgery token it was served with.</summary>
public static class CrossSitePosts
{
    public static Task<HttpResponseMessage> PostWithoutTokenAsync(HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        var fields = Html.FormValues(form, values);
        fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
        return Html.PostAsync(client, Html.ActionOf(form), fields);
    }
}
