namespace NewsPortal.UnitTests.Docs;

/// <summary>docs/architecture.md: "`Infrastructure/` uses no slice but one (`Identity` registers the account slice's sign-in limits)".</summary>
public sealed partial class InfrastructureDependencyTests
{
    [Fact]
    public void Infrastructure_UsesNoSliceButTheAccountSlice_FromIdentity()
    {
        var infrastructure = Repository.PathOf("src", "NewsPortal.Web", "Infrastructure");
        var uses = Directory.EnumerateFiles(infrastructure, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => SliceName().Matches(File.ReadAllText(f))
                .Select(m => $"{Path.GetRelativePath(infrastructure, Path.GetDirectoryName(f)!)} -> {m.Groups[1].Value}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(uses.SetEquals(["Identity -> Account"]), $"Infrastructure/ uses these slices: {string.Join(", ", uses.Order(StringComparer.Ordinal))}");
    }

    [GeneratedRegex(@"NewsPortal\.Web\.Features\.([A-Za-z]+)")]
    private static partial Regex SliceName();
}
