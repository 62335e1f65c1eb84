namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>Two editors saving at the same moment: the unique indexes on slugs and tags must never surface as a 500.</summary>
public sealed class ArticleSaveRaceTests(InterceptedSite<QueryBarrier> factory) : IClassFixture<InterceptedSite<QueryBarrier>>
{

    /// <summary>Opens the editor as <paramref name="email"/> and fills it in; the post is sent later.</summary>
    private async Task<(HttpClient Editor, string Action, List<KeyValuePair<string, string>> Fields)> FilledEditorAsync(
        string email, string headline, string tags)
    {
        await factory.CreateStaffAsync(email, Roles.Editor);
        var editor = await factory.SignedInAsync(email);
        var (_, page) = await Html.GetAsync(editor, "/admin/articles/new");
        var form = page.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        var ids = await factory.WithDbAsync(async db => (
            await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()));
        var fields = Html.FormValues(form, new Dictionary<string, string>
        {
            ["Headline"] = headline,
            ["Standfirst"] = "Filed at the same moment as a colleague.",
            ["BodyHtml"] = "<p>Body.</p>",
            ["CategoryId"] = ids.Item1.ToString(CultureInfo.InvariantCulture),
            ["AuthorId"] = ids.Item2.ToString(CultureInfo.InvariantCulture),
            ["Tags"] = tags,
        });
        fields.Add(new("intent", "savedraft"));
        return (editor, Html.ActionOf(form), fields);
    }

    /// <summary>Both forms posted at once; neither save goes on past its tag lookup until the other has made it too.</summary>
    private Task<HttpResponseMessage[]> SaveTogetherAsync(
        (HttpClient Editor, string Action, List<KeyValuePair<string, string>> Fields) a,
        (HttpClient Editor, string Action, List<KeyValuePair<string, string>> Fields) b)
    {
        factory.Interceptor.Arm("FROM \"Tags\"", 2);
        return Task.WhenAll(Html.PostAsync(a.Editor, a.Action, a.Fields), Html.PostAsync(b.Editor, b.Action, b.Fields));
    }

    [Fact]
    public async Task TwoEditors_CreatingTheSameNewTagAtOnce_BothSaveAndShareOneTag()
    {
        var a = await FilledEditorAsync("tag-race-a@test.example", "Ferry strike called off", "Harbour Race Tag");
        var b = await FilledEditorAsync("tag-race-b@test.example", "Ferry timetable restored", "harbour race tag");

        // Both have looked the tag up (and found nothing) before either writes.
        var responses = await SaveTogetherAsync(a, b);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        var tags = await factory.WithDbAsync(db => db.Tags.Where(t => t.Slug == "harbour-race-tag").Select(t => new { t.Id, Articles = t.Articles.Count }).ToListAsync());
        Assert.Equal(2, Assert.Single(tags).Articles);
    }

    [Fact]
    public async Task TwoEditors_ClaimingTheSameSlugAtOnce_OneSavesAndTheOtherIsToldToChooseAnother()
    {
        var a = await FilledEditorAsync("slug-race-a@test.example", "Council race result declared", "council");
        var b = await FilledEditorAsync("slug-race-b@test.example", "Council race result declared", "council");

        var responses = await SaveTogetherAsync(a, b);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.SeeOther], responses.Select(r => r.StatusCode).Order());
        var refused = await Html.ParseAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(
            "The address /news/council-race-result-declared is already used by another article. Choose another slug.",
            refused.QuerySelector("#Slug-error")!.TextContent.Trim());
        Assert.Equal("Council race result declared", ((IHtmlInputElement)refused.QuerySelector("#Headline")!).Value);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Articles.CountAsync(x => x.Slug == "council-race-result-declared")));
    }
}
