namespace NewsPortal.UnitTests.Docs;

/// <summary>docs/architecture.md walks a reader's request "in the order Program.cs sets up the pipeline": it does.</summary>
public sealed class PipelineOrderTests
{
    /// <summary>Each step as the page names it, and the call in Program.cs that adds it, in the page's order.</summary>
    private static readonly (string Named, string Call)[] Steps =
    [
        ("Metrics", "app.UseNewsMetrics()"),
        ("forwarded headers", "app.UseProxySupport()"),
        ("error pages", "app.UseNewsErrorPages()"),
        ("security headers", "app.UseSecurityHeaders()"),
        ("request logging", "app.UseNewsRequestLogging()"),
        ("HEAD as GET", "app.UseHeadAsGet()"),
        ("compression of feeds", "app.UseResponseCompression()"),
        ("`/media/`", "app.UseMediaFiles()"),
        ("Routing", "app.UseRouting()"),
        ("`UseLegacyAddresses`", "app.UseLegacyAddresses()"),
        ("the rate limiter", "app.UseRateLimiter()"),
        ("the comment request-body guard", "app.UseCommentRequestBody()"),
        ("authentication", "app.UseAuthentication()"),
        ("authorization", "app.UseAuthorization()"),
        ("`UseSharedArticlePages`", "app.UseSharedArticlePages()"),
        ("`UseSharedPages`", "app.UseSharedPages()"),
        ("Otherwise MVC", "app.MapControllers()"),
    ];

    [Fact]
    public void TheArchitecturePage_NamesThePipelineInProgramsOrder()
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "architecture.md"));
        var section = page[page.IndexOf("## A reader's request", StringComparison.Ordinal)..page.IndexOf("## A comment's path", StringComparison.Ordinal)];
        var program = File.ReadAllText(Repository.PathOf("src", "NewsPortal.Web", "Program.cs"));

        AssertInOrder(section, Steps.Select(s => s.Named), "docs/architecture.md, A reader's request");
        AssertInOrder(program, Steps.Select(s => s.Call), "Program.cs");
        var pipeline = program[program.IndexOf("app.Use", StringComparison.Ordinal)..program.IndexOf("app.MapControllers()", StringComparison.Ordinal)];
        var unnamed = System.Text.RegularExpressions.Regex.Matches(pipeline, @"app\.Use\w+\(\)").Select(m => m.Value).Except(Steps.Select(s => s.Call)).ToList();
        Assert.True(unnamed.Count == 0, $"Program.cs adds steps the page does not walk through: {string.Join(", ", unnamed)}");
    }

    private static void AssertInOrder(string text, IEnumerable<string> names, string where)
    {
        var last = -1;
        string? previous = null;
        foreach (var name in names)
        {
            var at = text.IndexOf(name, last + 1, StringComparison.Ordinal);
            Assert.True(at > last, $"{where}: \"{name}\" does not come after \"{previous}\".");
            last = at;
            previous = name;
        }
    }
}
