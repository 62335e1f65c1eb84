namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>An article taking back an address it redirects from: the redirect's removal and the save are one change.</summary>
public sealed class ArticleSlugChangeTests
{
    [Fact]
    public async Task TakingBackTheOldSlug_WhenTheSaveFails_KeepsTheOldAddresses301()
    {
        var conflict = new ConflictingRedirectOnSave();
        using var site = new NewsPortalFactory().WithAdmin();
        site.DbInterceptors.Add(conflict);
        await site.CreateStaffAsync("slug-change-editor@test.example", Roles.Editor);
        var editor = await site.SignedInAsync("slug-change-editor@test.example");
        var ids = await site.WithDbAsync(async db => (
            await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()));
        var fields = new Dictionary<string, string>
        {
            ["Headline"] = "Harbour wall repaired",
            ["Standfirst"] = "Work finished a week early.",
            ["BodyHtml"] = "<p>The wall is whole again.</p>",
            ["CategoryId"] = ids.Item1.ToString(CultureInfo.InvariantCulture),
            ["AuthorId"] = ids.Item2.ToString(CultureInfo.InvariantCulture),
        };
        var published = await ArticleEditor.SaveAsync(editor, "/admin/articles/new", fields, "publish");
        var edit = published.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.SeeOther, (await ArticleEditor.SaveAsync(editor, edit, new Dictionary<string, string> { ["Slug"] = "harbour-wall-rebuilt" }, "publish")).StatusCode);
        await AssertRedirectsAsync(site, "harbour-wall-repaired", "harbour-wall-rebuilt");

        // Back to the first address, which drops its redirect; at the same moment another article's redirect takes
        // the address being left, so the save (which would redirect it) fails on the unique index, both tries.
        conflict.Arm("harbour-wall-rebuilt", await site.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()));
        var failed = await ArticleEditor.SaveAsync(editor, edit, new Dictionary<string, string> { ["Slug"] = "harbour-wall-repaired" }, "publish");
        conflict.Disarm();

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("Nothing was saved", (await Html.ParseAsync(failed)).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(conflict.Fired >= 1, "The conflicting redirect should have been written during the save.");
        Assert.True(
            await site.WithDbAsync(db => db.ArticleSlugRedirects.AnyAsync(r => r.OldSlug == "harbour-wall-repaired")),
            "The redirect from the old address should still be stored after the failed save.");
        // What a reader gets once the 301 cached before the attempt has aged out.
        site.ForgetReaderCache();
        await AssertRedirectsAsync(site, "harbour-wall-repaired", "harbour-wall-rebuilt");
        Assert.Equal("harbour-wall-rebuilt", await site.WithDbAsync(db => db.Articles.Where(a => a.Headline == "Harbour wall repaired").Select(a => a.Slug).SingleAsync()));
    }

    private static async Task AssertRedirectsAsync(NewsPortalFactory site, string from, string to)
    {
        var response = await site.CreateNoRedirectClient().GetAsync(new Uri($"/news/{from}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/news/{to}", response.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// While armed, each save of an article writes a redirect from <c>slug</c> to another article on the save's own
    /// connection (and transaction, when it has one) just before the save's statements: a colleague's change that
    /// lands between this save's checks and its writes.
    /// </summary>
    private sealed class ConflictingRedirectOnSave : SaveChangesInterceptor
    {
        private (string Slug, int ArticleId)? _armed;

        public int Fired { get; private set; }

        public void Arm(string slug, int articleId) => _armed = (slug, articleId);

        public void Disarm() => _armed = null;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_armed is { } armed && eventData.Context is { } db && db.ChangeTracker.Entries<Article>().Any(e => e.State == EntityState.Modified))
            {
                Fired++;
                await db.Database.ExecuteSqlAsync(
                    $"INSERT OR IGNORE INTO ArticleSlugRedirects (OldSlug, ArticleId, CreatedAt) VALUES ({armed.Slug}, {armed.ArticleId}, {DateTime.UtcNow})",
                    cancellationToken);
            }

            return result;
        }
    }
}
