namespace NewsPortal.IntegrationTests.Features.WordPressImport;

/// <summary>docs/import.md: "`2` a wrong command line", with the reason and the usage on standard error.</summary>
public sealed class ImportCommandUsageTests
{
    // The command builds the site's host before it answers: a cold process start on a loaded machine.
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("Unknown option --bogus.", "--bogus")]
    [InlineData("--media needs the uploads folder after it.", "--media")]
    [InlineData("One export at a time: second.xml is extra.", "second.xml")]
    public async Task WrongCommandLine_ExitsTwo_SayingWhyAndHowToCallIt(string reason, params string[] options)
    {
        var database = Path.Combine(Path.GetTempPath(), $"newsportal-usage-{Guid.NewGuid():N}.db");

        var (code, _, error) = await ProgramCommandLine.ImportAsync(
            "export.xml",
            new Dictionary<string, string> { ["ConnectionStrings__NewsPortal"] = $"Data Source={database}" },
            StartUp,
            options);

        Assert.True(code == 2, $"exit code {code}; standard error: {error}");
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("Usage: import wordpress <export.xml>", error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "a wrong command line created the database");
    }
}
