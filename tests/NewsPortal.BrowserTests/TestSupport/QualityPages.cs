namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>The pages held to zero accessibility violations and zero HTML errors.</summary>
public static class QualityPages
{
    public static TheoryData<string, string, bool> All => new()
    {
        { "front page", "/", false },
        { "article with comments and the form (a photo hero and three inline photos)", "/news/twelve-coastal-nations-sign-pact-to-protect-the-halver-sea", false },
        { "paged article, comments page 2", $"/news/{SiteFixture.LongDiscussionSlug}?cpage=2", false },
        { "category", "/category/world", false },
        { "author page", "/author/maren-holloway", false },
        { "search results", "/search?q=council", false },
        { "not found", "/news/no-such-story", false },
        { "login", "/account/login", false },
        { "privacy notice and request form", "/privacy", false },
        { "moderator's e-mail alerts", "/admin/notifications", true },
        { "outgoing mail", "/admin/mail", true },
        { "report a comment", $"/news/{SiteFixture.LongDiscussionSlug}/comments/{{reportable}}/report", false },
        { "edit a comment from another browser (refused)", $"/news/{SiteFixture.LongDiscussionSlug}/comments/{{reportable}}/edit", false },
        { "reported comments", "/admin/comments?status=reported", true },
        { "reports transparency summary", "/admin/comments/reports/summary", true },
        { "moderation queue", "/admin/comments?status=approved", true },
        { "dashboard", "/admin", true },
        { "search statistics", "/admin/search-stats", true },
        { "article editor", "/admin/articles/1/edit", true },
        { "new article", "/admin/articles/new", true },
        { "a story's revisions with a diff", "/admin/articles/1/revisions", true },
        { "media library", "/admin/media", true },
        { "media library image (where it is used; a sample photograph)", "/admin/media/1", true },
        { "comment settings and their history", "/admin/settings", true },
        { "import from WordPress (the upload form; the latest run and its summary once one has run)", "/admin/import", true },
        { "sections", "/admin/sections", true },
        { "edit a section", "/admin/sections/1/edit", true },
        { "delete a section (move its articles)", "/admin/sections/1/delete", true },
        { "bylines", "/admin/bylines", true },
        { "new byline", "/admin/bylines/new", true },
        { "edit a byline", "/admin/bylines/1/edit", true },
        { "delete a byline (refused while used)", "/admin/bylines/1/delete", true },

        { "review queue", "/admin/articles?status=review", true },
        { "story waiting for review, editor's view", "/admin/articles/{review}/edit", true },
        { "preview link", "{preview}", false },
        { "preview link not recognised", "/preview/not-a-token", false },
    };
}
