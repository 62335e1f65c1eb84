namespace NewsPortal.IntegrationTests.Features.AdminBylines;

/// <summary>/admin/bylines, the public /author/{slug} page, and co-authors on the article page, in JSON-LD and in RSS.</summary>
public sealed class BylinesAndAuthorPageTests(NewsroomSite site) : IClassFixture<NewsroomSite>
{
    private async Task<int> CreateAsync(string name, string? title = null, string? links = null)
    {
        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), "/admin/bylines/new", "form.byline-form", new()
        {
            ["Form.Name"] = name,
            ["Form.Title"] = title ?? string.Empty,
            ["Form.Bio"] = $"{name} writes about the city.",
            ["Form.Links"] = links ?? string.Empty,
        });
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Create {name}: {(int)response.StatusCode} {await NewsroomSite.ErrorsAsync(response)}");
        return await site.WithDbAsync(db => db.Authors.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());
    }

    private static JsonElement JsonLd(IDocument page, string type) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == type);

    [Fact]
    public async Task AuthorPage_ShowsTheBylineWithPersonJsonLd_CanonicalAndRelMeLinks()
    {
        await CreateAsync("Ana Ruiz", "Transport correspondent", "https://mastodon.example/@ana\nhttps://ana.example.org/");
        await site.WithDbAsync(db => new ArticleBuilder().Headline("Tram line extended").By("ana-ruiz").SaveAsync(db));

        var (response, page) = await Html.GetAsync(site.CreateClient(), "/author/ana-ruiz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ana Ruiz", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("Transport correspondent", page.QuerySelector(".author-title")?.TextContent);
        Assert.Equal("Ana Ruiz writes about the city.", page.QuerySelector(".author-bio")?.TextContent);
        Assert.Equal(["https://mastodon.example/@ana", "https://ana.example.org/"], page.QuerySelectorAll("a[rel='me']").Select(a => a.GetAttribute("href")).ToArray());
        Assert.Contains("Tram line extended", page.QuerySelector(".listing")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("http://localhost/author/ana-ruiz", page.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
        Assert.Equal("Ana Ruiz, Transport correspondent. Ana Ruiz writes about the city.", page.QuerySelector("meta[name='description']")?.GetAttribute("content"));
        // No photo chosen: initials, never a broken image.
        Assert.Equal("AR", page.QuerySelector(".author-initials")?.TextContent);

        var person = JsonLd(page, "Person");
        Assert.Equal("Ana Ruiz", person.GetProperty("name").GetString());
        Assert.Equal("Transport correspondent", person.GetProperty("jobTitle").GetString());
        Assert.Equal("http://localhost/author/ana-ruiz", person.GetProperty("url").GetString());
        Assert.Equal(2, person.GetProperty("sameAs").GetArrayLength());
    }

    [Fact]
    public async Task AuthorPage_PagesTwelveArticlesAPage_NewestFirst()
    {
        await CreateAsync("Paged Writer");
        for (var i = 0; i < 13; i++)
        {
            var n = i;
            await site.WithDbAsync(db => new ArticleBuilder().Headline($"Paged story {n:00}").By("paged-writer").PublishedAt(DateTime.UtcNow.AddHours(-2 - n)).SaveAsync(db));
        }

        var (_, first) = await Html.GetAsync(site.CreateClient(), "/author/paged-writer");
        var (second, page2) = await Html.GetAsync(site.CreateClient(), "/author/paged-writer?page=2");
        var third = await site.CreateClient().GetAsync(new Uri("/author/paged-writer?page=3", UriKind.Relative));

        Assert.Equal(12, first.QuerySelectorAll(".listing .card").Length);
        Assert.Equal("Paged story 00", first.QuerySelector(".listing .card-title")!.TextContent.Trim());
        Assert.Equal("/author/paged-writer?page=2", first.QuerySelector(".pager a[rel='next']")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["Paged story 12"], page2.QuerySelectorAll(".listing .card-title").Select(t => t.TextContent.Trim()).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
    }

    [Fact]
    public async Task AuthorPage_UnknownSlug_IsTheSites404Page()
    {
        var (response, page) = await Html.GetAsync(site.CreateClient(), "/author/nobody-at-all");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("nav.sections"));
    }

    [Fact]
    public async Task Rename_OldAuthorAddressAnswers301_AndTheArticleShowsTheNewName()
    {
        var id = await CreateAsync("Tom Baker");
        await site.WithDbAsync(db => new ArticleBuilder().Headline("Pier reopens").By("tom-baker").SaveAsync(db));
        var (_, before) = await Html.GetAsync(site.CreateClient(), "/news/pier-reopens");
        Assert.Equal("Tom Baker", before.QuerySelector(".byline .author-name")?.TextContent);

        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), $"/admin/bylines/{id}/edit", "form.byline-form", new()
        {
            ["Form.Name"] = "Thomas Baker",
            ["Form.Slug"] = "thomas-baker",
        });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var old = await site.CreateNoRedirectClient().GetAsync(new Uri("/author/tom-baker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/author/thomas-baker", old.Headers.Location!.OriginalString);
        var (_, after) = await Html.GetAsync(site.CreateClient(), "/news/pier-reopens");
        var link = after.QuerySelector(".byline a.author-name")!;
        Assert.Equal("Thomas Baker", link.TextContent);
        Assert.Equal("/author/thomas-baker", link.GetAttribute("href"));
    }

    [Fact]
    public async Task CoAuthors_InOrder_OnThePage_InJsonLd_AndInTheFeed()
    {
        await CreateAsync("First Writer");
        await CreateAsync("Second Writer");
        await CreateAsync("Third Writer");
        var ids = await site.WithDbAsync(async db => (
            await db.Categories.Where(c => c.Slug == "world").Select(c => c.Id).SingleAsync(),
            await db.Authors.Where(a => a.Slug.EndsWith("-writer") && a.Slug != "paged-writer").OrderBy(a => a.Slug).ToDictionaryAsync(a => a.Slug, a => a.Id)));
        var editor = await site.EditorAsync();
        var (_, form) = await Html.GetAsync(editor, "/admin/articles/new");
        var articleForm = form.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        var fields = Html.FormValues(articleForm, new Dictionary<string, string>
        {
            ["Headline"] = "Three hands on one story",
            ["Standfirst"] = "A joint investigation.",
            ["BodyHtml"] = "<p>Written together.</p>",
            ["CategoryId"] = ids.Item1.ToString(CultureInfo.InvariantCulture),
            ["AuthorId"] = ids.Item2["first-writer"].ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(2, fields.Count(f => f.Key == "CoAuthorIds"));
        fields.RemoveAll(f => f.Key == "CoAuthorIds");
        // The third writer chosen in the first row, the second in the next: the form's order is the byline's order.
        fields.Add(new("CoAuthorIds", ids.Item2["third-writer"].ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("CoAuthorIds", ids.Item2["second-writer"].ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("intent", "publish"));
        var saved = await Html.PostAsync(editor, Html.ActionOf(articleForm), fields);
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, $"{(int)saved.StatusCode} {await NewsroomSite.ErrorsAsync(saved)}");

        var (_, page) = await Html.GetAsync(site.CreateClient(), "/news/three-hands-on-one-story");
        Assert.Equal("By First Writer, Third Writer and Second Writer", page.QuerySelector(".byline .author")!.TextContent.Trim());
        Assert.Equal(
            ["/author/first-writer", "/author/third-writer", "/author/second-writer"],
            page.QuerySelectorAll(".byline a.author-name").Select(a => a.GetAttribute("href")).ToArray());
        var authors = JsonLd(page, "NewsArticle").GetProperty("author").EnumerateArray().ToList();
        Assert.Equal(["First Writer", "Third Writer", "Second Writer"], authors.Select(a => a.GetProperty("name").GetString()).ToArray());
        Assert.Equal("http://localhost/author/third-writer", authors[1].GetProperty("url").GetString());

        var feed = XDocument.Parse(await site.CreateClient().GetStringAsync(new Uri("/feed.xml", UriKind.Relative)));
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var item = feed.Descendants("item").Single(i => i.Element("title")?.Value == "Three hands on one story");
        Assert.Equal(["First Writer", "Third Writer", "Second Writer"], item.Elements(dc + "creator").Select(c => c.Value).ToArray());

        // Both co-authors' pages list the story.
        var (_, third) = await Html.GetAsync(site.CreateClient(), "/author/third-writer");
        Assert.Contains("Three hands on one story", third.QuerySelector(".listing")!.TextContent, StringComparison.Ordinal);

        // The editor shows the co-authors in order when the story is opened again.
        var (_, reopened) = await Html.GetAsync(editor, saved.Headers.Location!.OriginalString);
        Assert.Equal(
            [ids.Item2["third-writer"].ToString(CultureInfo.InvariantCulture), ids.Item2["second-writer"].ToString(CultureInfo.InvariantCulture), "0", "0"],
            reopened.QuerySelectorAll<IHtmlSelectElement>("select[name='CoAuthorIds']").Select(s => s.Value).ToArray());
    }

    [Fact]
    public async Task CoAuthors_SamePersonTwice_IsRefusedWithAMessage()
    {
        var first = await CreateAsync("Twice Writer");
        var editor = await site.EditorAsync();
        var (_, form) = await Html.GetAsync(editor, "/admin/articles/new");
        var articleForm = form.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        var category = await site.WithDbAsync(db => db.Categories.Select(c => c.Id).FirstAsync());
        var fields = Html.FormValues(articleForm, new Dictionary<string, string>
        {
            ["Headline"] = "Doubled byline",
            ["Standfirst"] = "Should not save.",
            ["BodyHtml"] = "<p>Text.</p>",
            ["CategoryId"] = category.ToString(CultureInfo.InvariantCulture),
            ["AuthorId"] = first.ToString(CultureInfo.InvariantCulture),
            ["CoAuthorIds"] = first.ToString(CultureInfo.InvariantCulture),
        });
        fields.Add(new("intent", "savedraft"));

        var response = await Html.PostAsync(editor, Html.ActionOf(articleForm), fields);

        await NewsroomSite.AssertShownAgainWithAsync(response, "Twice Writer appears twice in the byline.");
        Assert.False(await site.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "Doubled byline")));
    }

    [Fact]
    public async Task Delete_WhenTheBylineIsUsed_IsRefused_AndWhenUnused_Works()
    {
        var used = await CreateAsync("Busy Writer");
        await site.WithDbAsync(async db =>
        {
            var article = await new ArticleBuilder().Headline("Second pair of hands").SaveAsync(db);
            db.ArticleCoAuthors.Add(new ArticleCoAuthor { ArticleId = article.Id, AuthorId = used, Position = 1 });
            await db.SaveChangesAsync();
        });
        var editor = await site.EditorAsync();
        var (_, page) = await Html.GetAsync(editor, $"/admin/bylines/{used}/delete");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
                    ?? (await Html.GetAsync(editor, "/admin/bylines")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var refused = await Html.PostAsync(editor, $"/admin/bylines/{used}/delete", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Busy Writer is the byline of 1 article, so it cannot be deleted.", await NewsroomSite.ErrorsAsync(refused), StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == used)));

        var unused = await CreateAsync("Idle Writer");
        var deleted = await NewsroomSite.SubmitAsync(editor, $"/admin/bylines/{unused}/delete", "form.stack-form", new());
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == unused)));
    }

    [Fact]
    public async Task Retire_TakesTheBylineOutOfTheArticleForm_ButKeepsItsPage()
    {
        var id = await CreateAsync("Leaving Writer");
        var editor = await site.EditorAsync();
        var (_, list) = await Html.GetAsync(editor, "/admin/bylines");
        var retire = list.QuerySelector<IHtmlFormElement>($"form[action='/admin/bylines/{id}/retire']")!;
        Assert.Equal(HttpStatusCode.SeeOther, (await Html.SubmitAsync(editor, retire)).StatusCode);

        var (_, form) = await Html.GetAsync(editor, "/admin/articles/new");
        Assert.DoesNotContain("Leaving Writer", form.QuerySelector("#AuthorId")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(new Uri("/author/leaving-writer", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("", "", "", "Give the byline a name.")]
    [InlineData("Ana Ruiz Two", "ana-ruiz-two", "ftp://files.example/", "is not a web address")]
    [InlineData("Ana Ruiz Two", "ana-ruiz-two", "not a link", "is not a web address")]
    [InlineData("Someone", "Bad Slug", "", "Use lowercase letters, digits and single hyphens")]
    public Task Create_BadInput_ShowsTheFormAgainWithAMessage(string name, string slug, string links, string message) =>
        site.AssertRefusedAsync(db => db.Authors, "/admin/bylines/new", "form.byline-form", new()
        {
            ["Form.Name"] = name,
            ["Form.Slug"] = slug,
            ["Form.Links"] = links,
        }, message);

    [Fact]
    public async Task Create_WithAnotherBylinesAddress_IsRefused()
    {
        var existing = await site.WithDbAsync(db => db.Authors.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync());

        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), "/admin/bylines/new", "form.byline-form", new()
        {
            ["Form.Name"] = "Namesake",
            ["Form.Slug"] = existing,
        });

        await NewsroomSite.AssertShownAgainWithAsync(response, $"The address /author/{existing} belongs to another byline");
    }

    [Fact]
    public Task Moderator_Gets403_AndAnonymousIsSentToLogin() => site.AssertForEditorsOnlyAsync("/admin/bylines", "/admin/bylines/new");
}
