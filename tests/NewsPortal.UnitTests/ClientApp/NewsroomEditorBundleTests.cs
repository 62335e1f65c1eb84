namespace NewsPortal.UnitTests.ClientApp;

/// <summary>
/// The editor is bundled once (npm run build in ClientApp/editor) and the bundle committed, so the site needs only
/// the SDK. The build records the SHA-256 of its inputs and outputs in manifest.json; these tests recompute them, so
/// an input changed without a rebuild, or a bundle edited by hand, fails.
/// </summary>
public sealed class NewsroomEditorBundleTests
{
    private static readonly JsonElement Manifest =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(EditorFiles.Bundle, "manifest.json"))).RootElement;

    [Fact]
    public void Inputs_MatchTheHashesRecordedAtTheLastBuild()
    {
        var stale = Stale(Manifest.GetProperty("inputs"), EditorFiles.Project);

        Assert.True(stale.Count == 0, $"Changed since the bundle was built (run 'npm ci && npm run build' in src/NewsPortal.Web/ClientApp/editor and commit wwwroot/lib/newsroom-editor): {string.Join(", ", stale)}");
    }

    [Fact]
    public void Outputs_MatchTheHashesRecordedAtTheLastBuild()
    {
        var stale = Stale(Manifest.GetProperty("outputs"), EditorFiles.Bundle);

        Assert.True(stale.Count == 0, $"The committed bundle is not what the last build wrote (rebuild it, never edit it): {string.Join(", ", stale)}");
    }

    [Fact]
    public void EverySourceFile_IsAnInputOfTheBuild()
    {
        var recorded = Manifest.GetProperty("inputs").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var sources = Directory.GetFiles(Path.Combine(EditorFiles.Project, "src"))
            .Select(f => "src/" + Path.GetFileName(f))
            .ToList();

        Assert.All(sources, source => Assert.Contains(source, recorded));
        Assert.Contains("package-lock.json", recorded);
    }

    private static List<string> Stale(JsonElement hashes, string folder) =>
        [.. hashes.EnumerateObject()
            .Where(entry => !File.Exists(Path.Combine(folder, entry.Name))
                || Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, entry.Name)))) != entry.Value.GetString())
            .Select(entry => entry.Name)];
}
