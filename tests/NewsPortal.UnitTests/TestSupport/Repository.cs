namespace NewsPortal.UnitTests.TestSupport;

/// <summary>The checkout the tests run from (the folder holding NewsPortal.sln), whose pages and files they read.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No NewsPortal.sln above {AppContext.BaseDirectory}.");
    }
}
