namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>The versions of what readers see, as one request saw them.</summary>
public readonly record struct ReaderVersions(long Articles, long Comments)
{
    /// <summary>A key prefix that changes when anything <paramref name="dependsOn"/> covers changes.</summary>
    public string Prefix(ReaderChange dependsOn) =>
        dependsOn == ReaderChange.Articles
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a{Articles}:")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a{Articles}c{Comments}:");
}
