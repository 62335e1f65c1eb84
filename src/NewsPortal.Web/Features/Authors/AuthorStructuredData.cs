namespace NewsPortal.Web.Features.Authors;

/// <summary>schema.org Person for an author page; the default encoder escapes &lt; and &gt;, so it is safe in a script block.</summary>
public static class AuthorStructuredData
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Person(AuthorPageViewModel author, string baseUrl, string siteName) =>
        JsonSerializer.Serialize(
            new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Person",
                ["@id"] = $"{baseUrl}/author/{author.Slug}",
                ["url"] = $"{baseUrl}/author/{author.Slug}",
                ["name"] = author.Name,
                ["jobTitle"] = author.Title,
                ["description"] = author.Bio,
                ["image"] = author.Photo is { } photo ? baseUrl + photo.Src : null,
                ["sameAs"] = author.Links.Count == 0 ? null : author.Links,
                ["worksFor"] = new Dictionary<string, object?> { ["@type"] = "NewsMediaOrganization", ["name"] = siteName, ["url"] = baseUrl + "/" },
            },
            Options);
}
