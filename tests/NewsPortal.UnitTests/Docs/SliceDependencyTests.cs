namespace NewsPortal.UnitTests.Docs;

/// <summary>The feature slices depend on each other one way only, as docs/architecture.md draws them.</summary>
public sealed partial class SliceDependencyTests
{
    /// <summary>Slice → the other slices its .cs and .cshtml files name.</summary>
    private static Dictionary<string, HashSet<string>> Graph()
    {
        var features = Repository.PathOf("src", "NewsPortal.Web", "Features");
        return Directory.GetDirectories(features).ToDictionary(
            dir => Path.GetFileName(dir),
            dir => Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                .SelectMany(f => SliceName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
                .Where(name => name != Path.GetFileName(dir) && Directory.Exists(Path.Combine(features, name)))
                .ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void NoSliceDependsOnItselfThroughOthers()
    {
        var graph = Graph();
        var cycles = new List<string>();
        foreach (var start in graph.Keys)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<(string Node, string Path)>(graph[start].Select(n => (n, $"{start} -> {n}")));
            while (stack.TryPop(out var next))
            {
                if (next.Node == start)
                {
                    cycles.Add(next.Path);
                    break;
                }

                if (seen.Add(next.Node))
                {
                    foreach (var to in graph[next.Node])
                    {
                        stack.Push((to, $"{next.Path} -> {to}"));
                    }
                }
            }
        }

        Assert.True(cycles.Count == 0, $"Slices depend on each other in a circle: {string.Join("; ", cycles)}");
    }

    [Fact]
    public void TheArchitecturePage_DrawsEveryDependency_AndNoOther()
    {
        var drawn = Edge().Matches(File.ReadAllText(Repository.PathOf("docs", "architecture.md")))
            .Select(m => $"{m.Groups[1].Value} --> {m.Groups[2].Value}")
            .ToHashSet(StringComparer.Ordinal);
        var actual = Graph().SelectMany(kv => kv.Value.Select(to => $"{kv.Key} --> {to}")).ToHashSet(StringComparer.Ordinal);

        Assert.True(
            drawn.SetEquals(actual),
            $"docs/architecture.md misses: {string.Join(", ", actual.Except(drawn).Order(StringComparer.Ordinal))}; draws what the code does not have: {string.Join(", ", drawn.Except(actual).Order(StringComparer.Ordinal))}");
    }

    [GeneratedRegex(@"NewsPortal\.Web\.Features\.([A-Za-z]+)")]
    private static partial Regex SliceName();

    [GeneratedRegex(@"^  ([A-Za-z]+) --> ([A-Za-z]+)$", RegexOptions.Multiline)]
    private static partial Regex Edge();
}
