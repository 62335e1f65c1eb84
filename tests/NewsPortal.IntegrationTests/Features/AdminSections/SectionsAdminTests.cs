namespace NewsPortal.IntegrationTests.Features.AdminSections;

/// <summary>/admin/sections: create, rename (old address 301), describe, order, hide, delete; every bad input answered.</summary>
public sealed class SectionsAdminTests(NewsroomSite site) : IClassFixture<NewsroomSite>
{
    private async Task<int> CreateAsync(string name, string? description = null)
    {
        var editor = await site.EditorAsync();
        var response = await NewsroomSite.SubmitAsync(editor, "/admin/sections", "form[action='/admin/sections']", new()
        {
            ["NewSection.Name"] = name,
            ["NewSection.Description"] = description ?? string.Empty,
        });
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Create {name}: {(int)response.StatusCode} {await NewsroomSite.ErrorsAsync(response)}");
        return await site.WithDbAsync(db => db.Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
    }

    private async Task<List<string>> NavAsync()
    {
        var (_, page) = await Html.GetAsync(site.CreateClient(), "/");
        return page.QuerySelectorAll("nav.sections a[href^='/category/']").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task Create_ShowsInNavigationWithDescription()
    {
        await NavAsync();
        await CreateAsync("Transport", "Roads, rail and buses across the region.");

        Assert.Contains("Transport", await NavAsync());
        var (response, page) = await Html.GetAsync(site.CreateClient(), "/category/transport");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Roads, rail and buses across the region.", page.QuerySelector(".page-description")?.TextContent);
        Assert.Equal("Roads, rail and buses across the region.", page.QuerySelector("meta[name='description']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Rename_OldAddressAnswers301_AndTheNewNameShowsOnTheNextRequest()
    {
        var id = await CreateAsync("Motoring");
        await site.WithDbAsync(db => new ArticleBuilder().Headline("Bypass opens early").InCategory("motoring").SaveAsync(db));
        Assert.Contains("Motoring", await NavAsync());
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(new Uri("/category/motoring", UriKind.Relative))).StatusCode);

        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), $"/admin/sections/{id}/edit", "form.stack-form", new()
        {
            ["Form.Name"] = "Cars and roads",
            ["Form.Slug"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var nav = await NavAsync();
        Assert.Contains("Cars and roads", nav);
        Assert.DoesNotContain("Motoring", nav);
        var old = await site.CreateNoRedirectClient().GetAsync(new Uri("/category/motoring?page=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/category/cars-and-roads", old.Headers.Location!.OriginalString);
        var (now, page) = await Html.GetAsync(site.CreateClient(), "/category/cars-and-roads");
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.Equal("Cars and roads", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Bypass opens early", page.QuerySelector(".listing")!.TextContent, StringComparison.Ordinal);

        // The article page's section link follows the rename too (the cached page is not served stale).
        var (_, article) = await Html.GetAsync(site.CreateClient(), "/news/bypass-opens-early");
        Assert.Equal("/category/cars-and-roads", article.QuerySelector(".article-header .kicker")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Hide_LeavesTheNavigation_ButThePageStillWorks()
    {
        var id = await CreateAsync("Obituaries");
        Assert.Contains("Obituaries", await NavAsync());

        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), $"/admin/sections/{id}/edit", "form.stack-form", new()
        {
            ["Form.HiddenFromNavigation"] = "true",
        });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        Assert.DoesNotContain("Obituaries", await NavAsync());
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(new Uri("/category/obituaries", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task MoveUp_ChangesTheNavigationOrder()
    {
        var before = await NavAsync();
        var second = await site.WithDbAsync(db => db.Categories.Where(c => c.Name == before[1]).Select(c => c.Id).SingleAsync());

        var (_, admin) = await Html.GetAsync(await site.EditorAsync(), "/admin/sections");
        var form = admin.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>($"form[action='/admin/sections/{second}/move']")!;
        var fields = Html.FormValues(form);
        fields.Add(new("direction", "up"));
        Assert.Equal(HttpStatusCode.SeeOther, (await Html.PostAsync(await site.EditorAsync(), Html.ActionOf(form), fields)).StatusCode);

        var after = await NavAsync();
        Assert.Equal(before[1], after[0]);
        Assert.Equal(before[0], after[1]);
        Assert.Equal(before.Skip(2), after.Skip(2));
    }

    [Fact]
    public async Task Delete_WhenArticlesUseIt_IsRefusedWithoutATarget()
    {
        var id = await CreateAsync("Gardening");
        await site.WithDbAsync(db => new ArticleBuilder().Headline("Roses in December").InCategory("gardening").SaveAsync(db));

        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), $"/admin/sections/{id}/delete", "form.stack-form", new());

        await NewsroomSite.AssertShownAgainWithAsync(response, "Gardening has 1 article. Choose the section to move it to.");
        Assert.True(await site.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == id)), "The section should still exist.");
    }

    [Fact]
    public async Task Delete_ByMovingItsArticles_MovesThemAndRedirectsTheOldAddress()
    {
        var id = await CreateAsync("Allotments");
        await site.WithDbAsync(db => new ArticleBuilder().Headline("Leeks win the show").InCategory("allotments").SaveAsync(db));
        var target = await site.WithDbAsync(db => db.Categories.Where(c => c.Slug == "science").Select(c => c.Id).SingleAsync());

        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), $"/admin/sections/{id}/delete", "form.stack-form", new()
        {
            ["Form.MoveToId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == id)), "The section should be gone.");
        Assert.Equal("science", await site.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Leeks win the show").Select(a => a.Category.Slug).SingleAsync()));
        var old = await site.CreateNoRedirectClient().GetAsync(new Uri("/category/allotments", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/category/science", old.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Allotments", await NavAsync());
    }

    [Fact]
    public async Task Delete_WhenUnused_RemovesTheSection()
    {
        var id = await CreateAsync("Crosswords");

        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), $"/admin/sections/{id}/delete", "form.stack-form", new());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync(new Uri("/category/crosswords", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("", "", "Give the section a name.")]
    [InlineData("   ", "", "Give the section a name.")]
    [InlineData("world", "", "There is already a section called world.")]
    [InlineData("Planet", "world", "The address /category/world belongs to another section.")]
    [InlineData("Planet", "Not A Slug", "Use lowercase letters, digits and single hyphens")]
    [InlineData("!!!", "", "Could not make an address from the name")]
    [InlineData("A name far, far too long for any newsroom's navigation bar to show", "", "Keep the name under 60 characters.")]
    public Task Create_BadInput_ShowsTheFormAgainWithAMessage(string name, string slug, string message) =>
        site.AssertRefusedAsync(db => db.Categories, "/admin/sections", "form[action='/admin/sections']", new()
        {
            ["NewSection.Name"] = name,
            ["NewSection.Slug"] = slug,
        }, message);

    [Fact]
    public async Task Rename_ToAnotherSectionsOldAddress_IsRefused()
    {
        var first = await CreateAsync("Weather desk");
        await NewsroomSite.SubmitAsync(await site.EditorAsync(), $"/admin/sections/{first}/edit", "form.stack-form", new() { ["Form.Name"] = "Forecasts", ["Form.Slug"] = string.Empty });
        var second = await CreateAsync("Climate");

        var response = await NewsroomSite.SubmitAsync(await site.EditorAsync(), $"/admin/sections/{second}/edit", "form.stack-form", new() { ["Form.Slug"] = "weather-desk" });

        await NewsroomSite.AssertShownAgainWithAsync(response, "/category/weather-desk still leads readers to another section");
    }

    [Fact]
    public async Task Edit_FromAStaleForm_IsRefusedAndKeepsTheTypedText()
    {
        var id = await CreateAsync("Letters");
        var editor = await site.EditorAsync();
        var (_, stale) = await Html.GetAsync(editor, $"/admin/sections/{id}/edit");
        await NewsroomSite.SubmitAsync(editor, $"/admin/sections/{id}/edit", "form.stack-form", new() { ["Form.Description"] = "Readers write." });

        var staleForm = stale.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.stack-form")!;
        var response = await Html.SubmitAsync(editor, staleForm, new Dictionary<string, string> { ["Form.Name"] = "Readers' letters" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Someone else changed this section", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Readers' letters", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Name")!.Value);
        Assert.Equal("Letters", await site.WithDbAsync(db => db.Categories.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));

        // Saving the form shown again (it carries the new stamp) goes through.
        var again = await Html.SubmitAsync(editor, page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.stack-form")!);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal("Readers' letters", await site.WithDbAsync(db => db.Categories.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
    }

    [Theory]
    [InlineData("/admin/sections/987654/edit")]
    [InlineData("/admin/sections/987654/delete")]
    [InlineData("/admin/sections/987654/move")]
    public async Task Post_ToAnUnknownSection_Is404(string url)
    {
        var editor = await site.EditorAsync();
        var (_, page) = await Html.GetAsync(editor, "/admin/sections");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await Html.PostAsync(editor, url, [new("__RequestVerificationToken", token), new("direction", "up"), new("Form.Name", "X"), new("Form.Stamp", "0")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public Task Moderator_Gets403_AndAnonymousIsSentToLogin() => site.AssertForEditorsOnlyAsync("/admin/sections", "/admin/sections");
}
