namespace NewsPortal.UnitTests.Docs;

/// <summary>
/// A test a page names as the proof of a sentence (README.md, CONTRIBUTING.md, docs/, docs/facts.md above all) exists:
/// its class, and the method under that class, so a renamed or deleted test cannot leave a claim without its proof.
/// </summary>
public sealed partial class DocsNamedTestsTests
{
    private static IEnumerable<(string Page, string Text)> Pages()
    {
        var root = Repository.Root;
        var files = new[] { "README.md", "CONTRIBUTING.md" }.Select(f => Path.Combine(root, f))
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"));
        return files.Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f)));
    }

    /// <summary>Every top-level class of the test projects with its body (up to the next top-level class).</summary>
    private static Dictionary<string, List<string>> TestClasses()
    {
        var classes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = Directory.GetFiles(Repository.PathOf("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var declarations = TopLevelClass().Matches(text);
            for (var i = 0; i < declarations.Count; i++)
            {
                var end = i + 1 < declarations.Count ? declarations[i + 1].Index : text.Length;
                var name = declarations[i].Groups[1].Value;
                if (!classes.TryGetValue(name, out var bodies))
                {
                    classes[name] = bodies = [];
                }

                bodies.Add(text[declarations[i].Index..end]);
            }
        }

        return classes;
    }

    private static bool Declares(string body, string method) =>
        method.EndsWith('*')
            ? Regex.IsMatch(body, $@"\b{Regex.Escape(method.TrimEnd('*'))}\w*\s*\(")
            : Regex.IsMatch(body, $@"\b{Regex.Escape(method)}\s*\(");

    [Fact]
    public void EveryTestAPageNames_Exists()
    {
        var classes = TestClasses();
        var allBodies = string.Join("\n", classes.Values.SelectMany(b => b));
        var missing = new List<string>();
        var named = 0;
        foreach (var (page, text) in Pages())
        {
            foreach (Match m in ClassAndMethod().Matches(text))
            {
                named++;
                var (type, method) = (m.Groups[1].Value, m.Groups[2].Value);
                if (!classes.TryGetValue(type, out var bodies))
                {
                    missing.Add($"{page}: no test class {type}");
                }
                else if (method.Length > 0 && !bodies.Any(b => Declares(b, method)))
                {
                    missing.Add($"{page}: {type} has no test {method}");
                }
            }

            foreach (Match m in BareMethod().Matches(text))
            {
                named++;
                if (!Declares(allBodies, m.Groups[1].Value))
                {
                    missing.Add($"{page}: no test {m.Groups[1].Value}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Pages name tests that do not exist:\n" + string.Join("\n", missing.Distinct()));
        Assert.True(named >= 300, $"only {named} test names were found in the pages: is the pattern still right?");
    }

    // `SomethingTests` or `SomethingTests.Method_Name` (a trailing * is a prefix); not a project (`NewsPortal.UnitTests`).
    [GeneratedRegex(@"(?<![.\w])([A-Z]\w*Tests)\b(?:\.([A-Z]\w*\*?))?")]
    private static partial Regex ClassAndMethod();

    // A bare test name in backticks: Pascal words joined by single underscores, as every test here is named.
    [GeneratedRegex(@"(?<=`)(?!\w*__)([A-Z][a-z]\w*?_[A-Z][A-Za-z0-9]*(?:_[A-Z0-9][A-Za-z0-9]*)*\*?)(?=`)")]
    private static partial Regex BareMethod();

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|partial)\s+)*class\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelClass();
}
