namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A comment posted the way a reader posts one: the article page opened, its comment form filled in and sent.</summary>
public static class ReaderComments
{
    /// <summary>Sends the form with a name, an email and a body, and any <paramref name="more"/> fields (a checkbox, a parent).</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient reader, string slug, string name, string email, string body, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var (_, page) = await Html.GetAsync(reader, $"/news/{slug}");
        var fields = new Dictionary<string, string>(more ?? []) { ["Name"] = name, ["Email"] = email, ["Body"] = body };
        return await Html.SubmitAsync(reader, Html.CommentForm(page), fields);
    }
}
