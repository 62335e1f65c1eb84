namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>The article editor's fields for a new story: the first section and author, a fixed standfirst.</summary>
public static class StoryFields
{
    public static async Task<Dictionary<string, string>> NewAsync(NewsPortalFactory site, string headline, string body = "<p>First paragraph.</p>")
    {
        var (section, author) = await site.WithDbAsync(async db => (
            await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Authors.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()));
        return new Dictionary<string, string>
        {
            ["Headline"] = headline,
            ["Standfirst"] = "What happened, in one sentence.",
            ["BodyHtml"] = body,
            ["CategoryId"] = section.ToString(CultureInfo.InvariantCulture),
            ["AuthorId"] = author.ToString(CultureInfo.InvariantCulture),
        };
    }
}
