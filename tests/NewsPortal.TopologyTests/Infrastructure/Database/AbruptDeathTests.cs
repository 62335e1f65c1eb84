namespace NewsPortal.TopologyTests.Infrastructure.Database;

/// <summary>
/// Every process using the SQLite file dies at once while readers post comments, nothing shuts down cleanly, and both
/// start again on the same files: SQLite recovers from its write-ahead log on the next open, and every comment the site
/// answered 303 is there. SIGKILL stands in for SIGBUS (what SQLite's mapped -shm file raises when it can no longer be
/// written): either way no code of the dying process runs; a SIGBUS sent with kill is handled by the .NET runtime, not
/// fatal, so the fault itself is not reproduced here.
/// </summary>
public sealed class AbruptDeathTests(Topology topology, ITestOutputHelper output)
{
    private const int Posters = 8;

    [Fact]
    public async Task BothInstancesDieAbruptlyDuringCommentLoad_AfterARestartEveryAcknowledgedCommentIsStored()
    {
        var (slug, run) = await topology.ReadyToCommentAsync();
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var posters = Enumerable.Range(0, Posters).Select(p => Task.Run(() => PostUntilStoppedAsync(p))).ToArray();

        // The deaths come in the middle of the load: once ten comments a poster have been acknowledged (bounded; with
        // fewer the assertion below says the load did not run).
        await Loopback.WaitUntilAsync(() => Task.FromResult(acknowledged.Count >= 10 * Posters), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));
        await Task.WhenAll(topology.A.DieOfSignalAsync("KILL"), topology.B.DieOfSignalAsync("KILL"));
        var diedAt = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(posters);

        // Back on the same database files, as a supervisor (systemd, Docker's restart policy) would start them.
        await topology.A.StartAsync();
        await topology.B.StartAsync();

        var stored = await topology.Database.MarkersAsync($"topo-death-{run}-");
        var lost = acknowledged.Except(stored, StringComparer.Ordinal).ToList();
        output.WriteLine($"{Posters} posters straight to A and B; both were killed (SIGKILL) at {diedAt.TotalSeconds:F2} s and started again.");
        output.WriteLine($"Acknowledged (303): {acknowledged.Count}; stored: {stored.Count}; lost: {lost.Count}.");

        Assert.True(acknowledged.Count >= Posters, $"Only {acknowledged.Count} comments were acknowledged before the deaths: the load did not run.");
        Assert.True(lost.Count == 0, $"{lost.Count} comments answered 303 but have no row after the restart: {string.Join(", ", lost.Take(10))}");
        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
        using var reader = Topology.Direct(topology.A);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/news/{slug}")).Status);

        async Task PostUntilStoppedAsync(int poster)
        {
            // Half the posters on each instance, every comment from a new reader and client address.
            using var visitor = Topology.Direct(poster % 2 == 0 ? topology.A : topology.B);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                visitor.ForgetCookies();
                visitor.ForwardedFor = $"10.{poster + 101}.{i / 250}.{(i % 250) + 1}";
                var marker = $"topo-death-{run}-p{poster}-i{i}";
                try
                {
                    var page = await visitor.GetAsync($"/news/{slug}");
                    if (page.Status != HttpStatusCode.OK)
                    {
                        continue;
                    }

                    var answer = await Journeys.SubmitCommentAsync(visitor, Html.CommentForm(page.Document), $"Comment before a crash {marker}");
                    if (answer.Status == HttpStatusCode.SeeOther)
                    {
                        acknowledged.Enqueue(marker);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // The instance died under this request: not acknowledged, so not counted.
                    await Task.Delay(50);
                }
            }
        }
    }
}
