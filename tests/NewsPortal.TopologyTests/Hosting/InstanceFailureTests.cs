using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using NewsPortal.TopologyTests.Infrastructure;

namespace NewsPortal.TopologyTests.Hosting;

public sealed class InstanceFailureTests(Topology topology, ITestOutputHelper output)
{
    private const int Posters = 16;

    /// <summary>The load runs this long after the kill.</summary>
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(3.5);

    /// <summary>
    /// A is killed once both instances have answered readers through nginx (and at least this long into the load),
    /// so the test never depends on how fast freshly started instances warm up.
    /// </summary>
    private static readonly TimeSpan KillAfterAtLeast = TimeSpan.FromSeconds(2.5);
    private static readonly TimeSpan BothServingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Requests already on their way to A when it dies may fail; from this long after the kill, none may.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    private sealed record Outcome(string Method, TimeSpan At, HttpStatusCode? Status, string? Upstream, string? Marker, string? Error);

    [Fact]
    public async Task KillInstanceA_DuringCommentLoad_NoAcknowledgedCommentIsLostAndNginxKeepsServing()
    {
        await topology.ReadyAsync();
        var slug = await topology.CommentArticleAsync();
        var run = Guid.NewGuid().ToString("N")[..12];
        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.MaxValue;
        var loadUntil = TimeSpan.MaxValue;

        try
        {
            var posters = Enumerable.Range(0, Posters).Select(p => Task.Run(() => PostUntilTimeIsUpAsync(p))).ToArray();
            await Task.Delay(KillAfterAtLeast);
            await Loopback.WaitUntilAsync(
                () => Task.FromResult(topology.Instances.All(i => outcomes.Any(o => o.Status == HttpStatusCode.OK && AnsweredBy(o, i)))),
                BothServingTimeout,
                TimeSpan.FromMilliseconds(50));
            killedAt = clock.Elapsed;
            loadUntil = killedAt + LoadAfterKill;
            topology.A.Kill();
            await Task.WhenAll(posters);
        }
        finally
        {
            // Later tests need both instances.
            await topology.A.StartAsync();
        }

        var settled = killedAt + Settle;
        var all = outcomes.OrderBy(o => o.At).ToList();
        var gets = all.Where(o => o.Method == "GET").ToList();
        var posts = all.Where(o => o.Method == "POST").ToList();
        var acknowledged = posts.Where(o => o.Status == HttpStatusCode.SeeOther).Select(o => o.Marker!).ToList();

        var storedBodies = (await topology.Database.CommentsContainingAsync($"topo-load-{run}-")).Select(c => c.BodyHtml).ToList();
        var stored = storedBodies.Select(b => Regex.Match(b, $"topo-load-{run}-p\\d+-i\\d+").Value).ToList();
        var lost = acknowledged.Except(stored, StringComparer.Ordinal).ToList();
        var duplicated = stored.GroupBy(m => m, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        output.WriteLine($"{Posters} posters through nginx until {loadUntil.TotalSeconds:F2} s; {topology.A} killed at {killedAt.TotalSeconds:F2} s.");
        output.WriteLine($"GET:  {Summary(gets.Where(o => o.At < killedAt))} before the kill; {Summary(gets.Where(o => o.At >= killedAt && o.At < settled))} while settling; {Summary(gets.Where(o => o.At >= settled))} after.");
        output.WriteLine($"POST: {Summary(posts.Where(o => o.At < killedAt))} before the kill; {Summary(posts.Where(o => o.At >= killedAt && o.At < settled))} while settling; {Summary(posts.Where(o => o.At >= settled))} after.");
        output.WriteLine($"Served by: {string.Join(", ", all.GroupBy(o => o.Upstream ?? "(none)").Select(g => $"{g.Key} {g.Count()}"))}");
        output.WriteLine($"Acknowledged (303): {acknowledged.Count}; rows stored: {stored.Count}; lost: {lost.Count}; duplicated: {duplicated.Count}; stored without a 303 (cut off in flight): {stored.Except(acknowledged, StringComparer.Ordinal).Count()}.");

        // Nothing the site acknowledged is missing, nothing is stored twice.
        Assert.True(lost.Count == 0, $"{lost.Count} comments answered 303 but have no row: {string.Join(", ", lost.Take(10))}");
        Assert.True(duplicated.Count == 0, $"{duplicated.Count} comments are stored more than once: {string.Join(", ", duplicated.Take(10))}");

        // nginx used both instances, and once A was gone it kept serving readers from B.
        var beforeKill = all.Where(o => o.At < killedAt && o.Status == HttpStatusCode.OK).ToList();
        Assert.True(
            topology.Instances.All(i => beforeKill.Any(o => AnsweredBy(o, i))),
            "Before the kill, nginx did not send requests to both instances.");
        var getsAfter = gets.Where(o => o.At >= settled).ToList();
        Assert.True(getsAfter.Count > 0, "No page was read after the kill settled.");
        var failedGets = getsAfter.Where(o => o.Status != HttpStatusCode.OK).ToList();
        Assert.True(failedGets.Count == 0, $"Reads after the kill settled that did not answer 200: {string.Join("; ", failedGets.Take(10).Select(Describe))}");
        var failedPosts = posts.Where(o => o.At >= settled && (o.Status is null || (int)o.Status >= 500)).ToList();
        Assert.True(failedPosts.Count == 0, $"Comment posts after the kill settled that failed: {string.Join("; ", failedPosts.Take(10).Select(Describe))}");

        // Every post came from its own client address, far under the per-IP limit.
        var limited = posts.Count(o => o.Status == HttpStatusCode.TooManyRequests);
        Assert.True(limited == 0, $"{limited} posts answered 429 although each came from its own X-Forwarded-For address: the site does not see the client IP nginx passes on.");
        Assert.True(posts.Any(o => o.At >= settled && o.Status == HttpStatusCode.SeeOther), "No comment was acknowledged after the kill: B did not carry on alone.");

        async Task PostUntilTimeIsUpAsync(int poster)
        {
            // A new reader (cookies and client address) for every comment.
            using var visitor = new Visitor(topology.PublicUrl);
            for (var i = 0; clock.Elapsed < loadUntil; i++)
            {
                visitor.ForgetCookies();
                visitor.ForwardedFor = $"10.{poster + 1}.{i / 250}.{(i % 250) + 1}";
                var marker = $"topo-load-{run}-p{poster}-i{i}";
                var page = await SendAsync("GET", null, () => visitor.GetAsync($"/news/{slug}"));
                if (page?.Status != HttpStatusCode.OK)
                {
                    continue;
                }

                await SendAsync("POST", marker, () => Journeys.SubmitCommentAsync(visitor, Html.CommentForm(page.Document), $"Comment under load {marker}"));
            }
        }

        async Task<Answer?> SendAsync(string method, string? marker, Func<Task<Answer>> send)
        {
            try
            {
                var answer = await send();
                outcomes.Enqueue(new Outcome(method, clock.Elapsed, answer.Status, answer.Upstream, marker, null));
                return answer;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                outcomes.Enqueue(new Outcome(method, clock.Elapsed, null, null, marker, ex.GetType().Name + ": " + ex.Message));
                return null;
            }
        }
    }

    /// <summary>nginx's "$upstream_addr" lists every upstream tried; the last one answered.</summary>
    private static bool AnsweredBy(Outcome outcome, SiteInstance instance) =>
        outcome.Upstream?.Split(',', StringSplitOptions.TrimEntries)[^1] == instance.UpstreamAddress;

    private static string Summary(IEnumerable<Outcome> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0
            ? "none"
            : $"{list.Count} ({string.Join(", ", list.GroupBy(o => o.Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "error").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"))})";
    }

    private static string Describe(Outcome o) =>
        $"{o.Method} at {o.At.TotalSeconds:F2} s: {(o.Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : o.Error)} via {o.Upstream ?? "-"}";
}
