namespace NewsPortal.TopologyTests.Infrastructure.Redis;

public sealed class RedisOutageTests(Topology topology, ITestOutputHelper output)
{
    /// <summary>A reader who waits longer than this for a page has not really been served.</summary>
    private static readonly TimeSpan SlowestAcceptablePage = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The default <c>Cache:SyncMilliseconds</c> plus one Redis command's timeout, three times over for a busy machine.</summary>
    private static readonly TimeSpan SyncDeadline = 3 * (TimeSpan.FromMilliseconds(1000) + TimeSpan.FromSeconds(1));

    [Fact]
    public async Task StopRedis_ReadersAndCommentersAreServed_AndAfterItReturnsAChangeOnAIsServedByBWithinTheSyncBound()
    {
        await topology.ReadyAsync();
        var slug = await topology.CommentArticleAsync();
        using var reader = topology.Reader();
        var section = (await reader.PageAsync($"/news/{slug}")).QuerySelector("a.kicker")?.GetAttribute("href");
        Assert.True(section is not null, "The article page has no section link.");
        var marker = Journeys.Marker("redis-down");

        await topology.Redis.StopAsync();
        try
        {
            // Readers through nginx (three rounds, so both instances serve each page).
            var failures = new List<string>();
            for (var round = 0; round < 3; round++)
            {
                foreach (var path in new[] { "/", $"/news/{slug}", section })
                {
                    var timer = Stopwatch.StartNew();
                    var answer = await reader.GetAsync(path);
                    output.WriteLine($"Redis down: GET {path} {answer} in {timer.ElapsedMilliseconds} ms");
                    if (answer.Status != HttpStatusCode.OK || timer.Elapsed > SlowestAcceptablePage)
                    {
                        failures.Add($"GET {path}: {answer} after {timer.ElapsedMilliseconds} ms");
                    }
                }
            }

            Assert.True(failures.Count == 0, $"With Redis down, readers were not served: {string.Join("; ", failures)}\n{topology.Logs()}");

            // Operators see the instances are degraded, not down (a load balancer keeps them in).
            foreach (var instance in topology.Instances)
            {
                var (status, body) = await instance.ReadinessAsync();
                Assert.True(status == HttpStatusCode.OK && body.Contains("Degraded", StringComparison.Ordinal), $"With Redis down, {instance} /healthz/ready answered {status} '{body}'; expected 200 'Degraded'.");
            }

            // Comments are still taken (limited per instance meanwhile) and stored.
            using var commenter = topology.Reader();
            await Journeys.PostAcknowledgedCommentAsync(commenter, slug, $"Posted while the cache is away {marker}");
            Assert.Single(await topology.Database.CommentsContainingAsync(marker));
        }
        finally
        {
            await topology.Redis.StartAsync();
        }

        // Both instances reconnect by themselves.
        var sinceReturn = Stopwatch.StartNew();
        foreach (var instance in topology.Instances)
        {
            var (healthy, status, body) = await instance.WaitUntilHealthyAsync(ReconnectTimeout - sinceReturn.Elapsed);
            Assert.True(healthy, $"{ReconnectTimeout.TotalSeconds} s after Redis returned, {instance} /healthz/ready still answers {status} '{body}'.");
        }

        output.WriteLine($"Both instances Healthy {sinceReturn.Elapsed.TotalSeconds:F1} s after Redis returned.");

        // And sharing works again: the comment posted during the outage, approved on A, is served by B within the
        // sync bound (at once when the message arrives; B's next read of the shared versions at the latest).
        using var readerOnB = Topology.Direct(topology.B);
        Assert.DoesNotContain(marker, (await readerOnB.GetAsync($"/news/{slug}")).Text, StringComparison.Ordinal);
        await Journeys.ApproveAsync(await topology.AdminOnAsync(topology.A), topology.Database, marker);
        var sinceApproval = Stopwatch.StartNew();
        var shown = await Loopback.WaitUntilAsync(
            async () => (await readerOnB.GetAsync($"/news/{slug}")).Text.Contains(marker, StringComparison.Ordinal),
            SyncDeadline,
            TimeSpan.FromMilliseconds(100));
        Assert.True(
            shown,
            $"After Redis returned, an approval on {topology.A} was still not served by {topology.B} {sinceApproval.Elapsed.TotalSeconds:F1} s later.\n{topology.Logs()}");
        output.WriteLine($"B served the approval made on A {sinceApproval.ElapsedMilliseconds} ms after it.");
    }
}
