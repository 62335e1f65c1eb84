namespace NewsPortal.TestSupport;

/// <summary>The checkout the tests run from, for the files they read beside the code (docs, deploy templates, corpora).</summary>
public static class Repository
{
    /// <summary>The folder holding NewsPortal.sln, found upwards from the test's output folder.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"NewsPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
