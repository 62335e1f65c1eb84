namespace NewsPortal.UnitTests.Docs;

/// <summary>
/// docs/operations.md's table of the compose stack's variables and docker-compose.yml agree: every variable the file
/// reads is documented, and each documented default is the file's (`${VAR:-default}`; "(required)" is `${VAR:?…}`).
/// </summary>
public sealed partial class ComposeDocsTests
{
    /// <summary>Every ${VAR…} of the compose file outside comments: the variable and what follows its name.</summary>
    private static List<(string Name, string Tail)> ComposeReads() =>
        [.. File.ReadAllLines(Repository.PathOf("docker-compose.yml"))
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => Variable().Matches(line).Select(m => (m.Groups[1].Value, m.Groups[2].Value)))];

    /// <summary>The rows of operations.md's compose table: its variables and the backticked values of its default cell.</summary>
    private static List<(List<string> Names, string Default)> TableRows() =>
        [.. File.ReadAllLines(Repository.PathOf("docs", "operations.md"))
            .SkipWhile(line => !line.StartsWith("| variable | default |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|'))
            .Select(cells => (Code().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList(), cells[2].Trim()))];

    [Fact]
    public void EveryVariableTheComposeFileReads_IsDocumented()
    {
        var docs = string.Join("\n", Directory.GetFiles(Repository.PathOf("docs"), "*.md").Select(File.ReadAllText));
        var undocumented = ComposeReads().Select(r => r.Name).Distinct()
            .Where(name => !docs.Contains($"`{name}`", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(undocumented.Count == 0, $"docker-compose.yml reads variables no page documents: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void EveryDefaultOfTheTable_IsTheComposeFilesDefault()
    {
        var reads = ComposeReads();
        var wrong = new List<string>();
        var compared = 0;
        foreach (var (names, cell) in TableRows())
        {
            var values = Code().Matches(cell).Select(m => m.Groups[1].Value).ToList();
            for (var i = 0; i < names.Count; i++)
            {
                var uses = reads.Where(r => r.Name == names[i]).Select(r => r.Tail).Distinct().ToList();
                if (uses.Count == 0)
                {
                    wrong.Add($"{names[i]} is in the table but docker-compose.yml never reads it");
                    continue;
                }

                string? expected = cell == "(required)" ? null : values.Count == names.Count ? values[i] : cell == "unset" ? "" : "skip";
                if (expected == "skip")
                {
                    continue;
                }

                compared++;
                var ok = expected is null
                    ? uses.Any(rest => rest.StartsWith(":?", StringComparison.Ordinal))
                    : uses.All(rest => rest == $":-{expected}");
                if (!ok)
                {
                    wrong.Add($"{names[i]}: the table says {(expected is null ? "(required)" : $"`{expected}`")}, the file has {string.Join(" and ", uses.Select(u => $"${{{names[i]}{u}}}"))}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "docs/operations.md's compose table and docker-compose.yml differ:\n" + string.Join("\n", wrong));
        Assert.True(compared >= 10, $"only {compared} defaults were compared: is the table still where the test looks?");
    }

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)(:[^}]*)?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();
}
