namespace NewsPortal.UnitTests.Docs;

/// <summary>docs/configuration.md and the options classes name the same keys.</summary>
public sealed partial class ConfigurationDocsTests
{
    // Keys the site reads that no options class of its own binds: the framework's, the connection strings, OTel's.
    private static readonly HashSet<string> FrameworkKeys = new(StringComparer.Ordinal)
    {
        "ConnectionStrings:NewsPortal",
        "ConnectionStrings:Redis",
        "AllowedHosts",
        "Serilog",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",
        "OTEL_SERVICE_NAME",
        "OTEL_RESOURCE_ATTRIBUTES",
        "ASPNETCORE_URLS",
        "ASPNETCORE_ENVIRONMENT",
    };

    private static string DocsPage() => File.ReadAllText(Repository.PathOf("docs", "configuration.md"));

    /// <summary>Every key named in the first column of the page's tables.</summary>
    private static HashSet<string> DocumentedKeys() =>
        [.. DocsPage().Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => Key().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value))];

    /// <summary>Section:Property for every settable property of every options class (a type with a SectionName constant).</summary>
    private static HashSet<string> OptionKeys() =>
        [.. typeof(NewsPortal.Web.Domain.FieldLengths).Assembly.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(x => x.Section is not null)
            .SelectMany(x => x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod?.IsPublic == true)
                .Select(p => $"{x.Section}:{p.Name}"))];

    [Fact]
    public void EveryOptionsProperty_HasARow()
    {
        var missing = OptionKeys().Except(DocumentedKeys()).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"docs/configuration.md has no row for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryRow_NamesAKeyTheSiteReads()
    {
        var known = OptionKeys();
        var unknown = DocumentedKeys().Where(k => !known.Contains(k) && !FrameworkKeys.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unknown.Count == 0, $"docs/configuration.md names keys no options class binds: {string.Join(", ", unknown)}");
    }

    [GeneratedRegex(@"`([A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z0-9_]+)*)`")]
    private static partial Regex Key();
}
