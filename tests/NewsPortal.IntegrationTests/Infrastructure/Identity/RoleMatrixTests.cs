namespace NewsPortal.IntegrationTests.Infrastructure.Identity;

/// <summary>Who may open what in the admin area: anonymous, Moderator, Editor, Reporter and Admin on every admin route.</summary>
public sealed class RoleMatrixTests(RoleMatrixTests.Factory factory) : IClassFixture<RoleMatrixTests.Factory>
{
    private const string Moderator = "moderator@test.example";
    private const string Editor = "editor@test.example";
    private const string Reporter = "reporter@test.example";


    public sealed class Factory : NewsPortalFactory
    {
        private bool _seeded;

        public Factory() => this.WithAdmin();

        public async Task EnsureStaffAsync()
        {
            if (!_seeded)
            {
                _seeded = true;
                await this.CreateStaffAsync(Moderator, Roles.Moderator);
                await this.CreateStaffAsync(Editor, Roles.Editor);
                await this.CreateStaffAsync(Reporter, Roles.Reporter);
            }
        }
    }

    // Route, then who may open it: M(oderator), E(ditor), R(eporter), A(dmin). {article} is a sample story, which no
    // reporter created, so a reporter may not open it.
    public static TheoryData<string, string> Routes => new()
    {
        { "/admin", "MERA" },
        { "/admin/comments?status=pending", "MA" },
        { "/admin/comments?status=trash", "MA" },
        { "/admin/comments/{comment}", "MA" },
        { "/admin/articles", "ERA" },
        { "/admin/articles?status=review", "ERA" },
        { "/admin/articles/new", "ERA" },
        { "/admin/articles/{article}/edit", "EA" },
        { "/admin/articles/{article}/preview", "EA" },
        { "/admin/sections", "EA" },
        { "/admin/sections/{section}/edit", "EA" },
        { "/admin/sections/{section}/delete", "EA" },
        { "/admin/bylines", "EA" },
        { "/admin/bylines/new", "EA" },
        { "/admin/bylines/{byline}/edit", "EA" },
        { "/admin/bylines/{byline}/delete", "EA" },

        { "/admin/media", "EA" },
        { "/admin/staff", "A" },
        { "/admin/settings", "A" },
        { "/admin/mail", "A" },
        { "/admin/notifications", "MA" },
        { "/admin/comments/{comment}/export", "MA" },
        { "/account/password", "MERA" },
    };

    private async Task<string> ResolveAsync(string route)
    {
        var comment = await factory.WithDbAsync(db => db.Comments.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var article = await factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var section = await factory.WithDbAsync(db => db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var byline = await factory.WithDbAsync(db => db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        return route.Replace("{section}", section.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{byline}", byline.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{comment}", comment.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{article}", article.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_IsSentToTheLoginPage(string route, string allowed)
    {
        _ = allowed;
        var url = await ResolveAsync(route);

        var response = await factory.Browser().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // On the configured public address (the factory's http://localhost), never the Host the request named.
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EachRole_GetsThePageOr403(string route, string allowed)
    {
        await factory.EnsureStaffAsync();
        var url = await ResolveAsync(route);

        foreach (var (email, letter) in new[] { (Moderator, 'M'), (Editor, 'E'), (Reporter, 'R'), (StaffSessions.AdminEmail, 'A') })
        {
            var client = await factory.SignedInAsync(email);
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var expected = allowed.Contains(letter, StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{email} on {url}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/admin/comments/987654", Moderator)]
    [InlineData("/admin/articles/987654/edit", Editor)]
    [InlineData("/admin/articles/987654/preview", Editor)]
    [InlineData("/admin/sections/987654/edit", Editor)]
    [InlineData("/admin/sections/987654/delete", Editor)]
    [InlineData("/admin/bylines/987654/edit", Editor)]
    [InlineData("/admin/bylines/987654/delete", Editor)]
    public async Task UnknownId_Is404(string url, string email)
    {
        await factory.EnsureStaffAsync();
        var client = await factory.SignedInAsync(email);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ModerationPost_ByAnEditor_Is403AndChangesNothing()
    {
        await factory.EnsureStaffAsync();
        var editor = await factory.SignedInAsync(Editor);
        var (_, page) = await Html.GetAsync(editor, "/admin/articles");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
                    ?? (await Html.GetAsync(editor, "/admin/articles/new")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var comment = await factory.WithDbAsync(db => db.Comments.OrderBy(c => c.Id).Select(c => new { c.Id, c.Status }).FirstAsync());

        var response = await Html.PostAsync(editor, $"/admin/comments/{comment.Id}/spam", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(comment.Status, await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == comment.Id).Select(c => c.Status).SingleAsync()));
    }
}
