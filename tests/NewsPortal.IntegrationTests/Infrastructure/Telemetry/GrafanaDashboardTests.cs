namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// The compose stack's provisioned Grafana dashboard (deploy/grafana/dashboards/newsportal.json) asks Prometheus only
/// for series the site exports, and has a panel for every meter of the site's own. A name is proved by a real scrape
/// of the metrics port after the site was used; a meter whose event this test does not cause (an image processed, an
/// import) is proved by docs/observability.md's table, which <see cref="MetricsDocsTests"/> ties to the code both ways.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed partial class GrafanaDashboardTests(MetricsSite site)
{
    private static readonly HashSet<string> PromQlWords = new(StringComparer.Ordinal) { "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right" };


    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_EveryMetricItQueries_IsInARealScrapeOrTheDocumentedTable()
    {
        var expressions = Expressions(Dashboard());
        using var reader = site.Reader();
        var slug = (await site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/search?q=harbour", UriKind.Relative), Cancel)).StatusCode);
        var exported = ExportedNames(await site.ScrapeAsync());
        var documented = MetricsDocsTests.DocumentedNames();

        var unknown = new List<string>();
        foreach (var (panel, expression) in expressions)
        {
            var names = MetricNames(expression);
            Assert.True(names.Count > 0, $"Panel '{panel}': no metric name found in {expression}");
            unknown.AddRange(names
                .Where(n => !exported.Contains(n) && !documented.Contains(HistogramBase(n)))
                .Select(n => $"'{panel}': {n}"));
        }

        Assert.True(unknown.Count == 0, "Queried by the dashboard, but neither in the scrape nor in docs/observability.md:\n" + string.Join("\n", unknown));
        // The scrape proves most of them; the fallback to the table is for meters whose events this test does not cause.
        Assert.Contains("newsportal_reader_cache_renders_total", exported);
        Assert.Contains("http_server_request_duration_seconds_bucket", exported);
    }

    [Fact]
    public void Dashboard_EverySiteMeter_HasAPanel()
    {
        var queried = Expressions(Dashboard()).SelectMany(e => MetricNames(e.Expression)).Select(HistogramBase).ToHashSet(StringComparer.Ordinal);

        var documented = MetricsDocsTests.DocumentedNames();

        Assert.True(documented.Count >= 20, $"Expected the site's meters from docs/observability.md; read {string.Join(", ", documented)}");
        var missing = documented.Where(n => !queried.Contains(n)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"No panel of deploy/grafana/dashboards/newsportal.json shows: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Dashboard_Panels_HaveTitlesOwnIdsTheProvisionedDataSourceAndDoNotOverlap()
    {
        using var json = JsonDocument.Parse(Dashboard());
        var panels = json.RootElement.GetProperty("panels").EnumerateArray().ToList();
        var ids = panels.Select(p => p.GetProperty("id").GetInt32()).ToList();
        var boxes = new List<(string Title, int X, int Y, int W, int H)>();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.Equal("newsportal-prometheus", panel.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.All(panel.GetProperty("targets").EnumerateArray(), t => Assert.Equal("newsportal-prometheus", t.GetProperty("datasource").GetProperty("uid").GetString()));
            var grid = panel.GetProperty("gridPos");
            boxes.Add((title!, grid.GetProperty("x").GetInt32(), grid.GetProperty("y").GetInt32(), grid.GetProperty("w").GetInt32(), grid.GetProperty("h").GetInt32()));
        }

        var overlaps = from a in boxes
                       from b in boxes
                       where string.CompareOrdinal(a.Title, b.Title) < 0 && a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H
                       select $"'{a.Title}' and '{b.Title}'";
        Assert.Empty(overlaps);
        Assert.All(boxes, b => Assert.True(b.X + b.W <= 24, $"'{b.Title}' is wider than Grafana's 24 columns."));
        Assert.Contains("newsportal-prometheus", File.ReadAllText(Path.Combine(Root(), "deploy", "grafana", "provisioning", "datasources", "prometheus.yml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sum by (le, outcome) (rate(newsportal_search_duration_seconds_bucket{outcome!=\"busy\"}[5m]))", "newsportal_search_duration_seconds_bucket")]
    [InlineData("sum(rate(a_total{result=\"hit\"}[5m])) / sum(rate(b_total[5m])) * 60", "a_total b_total")]
    [InlineData("max(newsportal_moderation_oldest_pending_seconds) / 3600", "newsportal_moderation_oldest_pending_seconds")]
    public void MetricNames_OfAPromQlExpression_AreTheSeriesItSelects(string expression, string expected) =>
        Assert.Equal(expected.Split(' '), MetricNames(expression));

    /// <summary>
    /// The names of the series a PromQL expression selects: what is left once strings, label matchers, ranges and
    /// grouping clauses are removed, less the functions (a name followed by a parenthesis) and the keywords.
    /// </summary>
    internal static List<string> MetricNames(string expression)
    {
        var bare = StringLiteral().Replace(expression, "\"\"");
        bare = LabelMatchers().Replace(bare, " ");
        bare = Range().Replace(bare, " ");
        bare = Grouping().Replace(bare, " ");
        return [.. Identifier().Matches(bare)
            .Where(m => !PromQlWords.Contains(m.Value) && !bare[(m.Index + m.Length)..].TrimStart().StartsWith('('))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A histogram's series (<c>_bucket</c>, <c>_count</c>, <c>_sum</c>) are listed under the histogram's name.</summary>
    private static string HistogramBase(string name) => HistogramSuffix().Replace(name, string.Empty);

    private static HashSet<string> ExportedNames(string scrape) =>
        scrape.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => SeriesName().Match(l).Value).ToHashSet(StringComparer.Ordinal);

    private static List<(string Panel, string Expression)> Expressions(string dashboard)
    {
        using var json = JsonDocument.Parse(dashboard);
        var list = json.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => (p.GetProperty("title").GetString()!, t.GetProperty("expr").GetString()!)))
            .ToList();
        Assert.True(list.Count > 0, "The dashboard has no queries.");
        return list;
    }

    private static string Dashboard() => File.ReadAllText(Path.Combine(Root(), "deploy", "grafana", "dashboards", "newsportal.json"));

    private static string Root()
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

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex("[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex("_(?:bucket|count|sum)$")]
    private static partial Regex HistogramSuffix();

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex SeriesName();
}
