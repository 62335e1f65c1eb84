namespace NewsPortal.UnitTests.ClientApp;

/// <summary>
/// The article editor's files, found from the repository root: its npm project (ClientApp/editor), the committed
/// bundle (wwwroot/lib/newsroom-editor) and the corpus of what the editor writes (ClientApp/editor/test/corpus.html).
/// </summary>
internal static partial class EditorFiles
{
    public static string Project => Repository.PathOf("src", "NewsPortal.Web", "ClientApp", "editor");

    public static string Bundle => Repository.PathOf("src", "NewsPortal.Web", "wwwroot", "lib", "newsroom-editor");

    /// <summary>The corpus's cases: name and HTML.</summary>
    public static TheoryData<string, string> Corpus()
    {
        var data = new TheoryData<string, string>();
        var text = File.ReadAllText(Path.Combine(Project, "test", "corpus.html"));
        foreach (Match match in CorpusCase().Matches(text))
        {
            data.Add(match.Groups["name"].Value, match.Groups["html"].Value.Trim());
        }

        return data;
    }

    [GeneratedRegex(@"^<!-- case: (?<name>.+?) -->\n(?<html>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex CorpusCase();
}
