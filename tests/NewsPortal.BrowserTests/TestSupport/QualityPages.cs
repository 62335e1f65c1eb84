namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>The pages held to zero accessibility violations and zero HTML errors: a reader's, and the staff's (signed in).</summary>
public static class QualityPages
{
    private static readonly (string Name, string Url)[] ReaderPages =
    [
        ("front page", "/"),
        ("article with comments and the form (a photo hero and three inline photos)", "/news/twelve-coastal-nations-sign-pact-to-protect-the-halver-sea"),
        ("paged article, comments page 2", $"/news/{SiteFixture.LongDiscussionSlug}?cpage=2"),
        ("category", "/category/world"),
        ("author page", "/author/maren-holloway"),
        ("search results", "/search?q=council"),
        ("not found", "/news/no-such-story"),
        ("login", "/account/login"),
        ("privacy notice and request form", "/privacy"),
        ("report a comment", $"/news/{SiteFixture.LongDiscussionSlug}/comments/{{reportable}}/report"),
        ("edit a comment from another browser (refused)", $"/news/{SiteFixture.LongDiscussionSlug}/comments/{{reportable}}/edit"),
        ("preview link", "{preview}"),
        ("preview link not recognised", "/preview/not-a-token"),
    ];

    private static readonly (string Name, string Url)[] StaffPages =
    [
        ("moderator's e-mail alerts", "/admin/notifications"),
        ("outgoing mail", "/admin/mail"),
        ("reported comments", "/admin/comments?status=reported"),
        ("reports transparency summary", "/admin/comments/reports/summary"),
        ("moderation queue", "/admin/comments?status=approved"),
        ("dashboard", "/admin"),
        ("search statistics", "/admin/search-stats"),
        ("article editor", "/admin/articles/1/edit"),
        ("new article", "/admin/articles/new"),
        ("a story's revisions with a diff", "/admin/articles/1/revisions"),
        ("media library", "/admin/media"),
        ("media library image (where it is used; a sample photograph)", "/admin/media/1"),
        ("comment settings and their history", "/admin/settings"),
        ("import from WordPress (the upload form; the latest run and its summary once one has run)", "/admin/import"),
        ("sections", "/admin/sections"),
        ("edit a section", "/admin/sections/1/edit"),
        ("delete a section (move its articles)", "/admin/sections/1/delete"),
        ("bylines", "/admin/bylines"),
        ("new byline", "/admin/bylines/new"),
        ("edit a byline", "/admin/bylines/1/edit"),
        ("delete a byline (refused while used)", "/admin/bylines/1/delete"),
        ("review queue", "/admin/articles?status=review"),
        ("story waiting for review, editor's view", "/admin/articles/{review}/edit"),
    ];

    /// <summary>Each page's name, address (<see cref="SiteFixture.Resolve"/> fills its placeholders) and whether it is a staff page.</summary>
    public static TheoryData<string, string, bool> All =>
        new([.. ReaderPages.Select(p => (p.Name, p.Url, false)), .. StaffPages.Select(p => (p.Name, p.Url, true))]);

    /// <summary>
    /// A browser context of its own for the page's visitor (for a staff page an editor, signed in), a page in it, and the
    /// page's address resolved; disposing it closes the context.
    /// </summary>
    public static async Task<Visit> VisitAsync(SiteFixture site, string url, bool signedIn)
    {
        var context = signedIn ? await site.SignedInContextAsync(SiteFixture.EditorEmail) : await site.NewContextAsync();
        return new Visit(context, await context.NewPageAsync(), site.Resolve(url), signedIn);
    }

    public sealed record Visit(IBrowserContext Context, IPage Page, string Url, bool SignedIn) : IAsyncDisposable
    {
        /// <summary>Fails when a staff page answered with the login form: the check would have looked at the wrong page.</summary>
        public void AssertStillSignedIn(string landedOn) =>
            Assert.False(SignedIn && landedOn.Contains("/account/login", StringComparison.Ordinal), $"{Url} sent the editor to sign in ({landedOn}).");

        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }
}
