namespace NewsPortal.TopologyTests.Features.AdminComments;

public sealed class ModerationAcrossInstancesTests(Topology topology)
{
    [Fact]
    public async Task Approve_OnInstanceA_ShowsOnInstanceBsNextRequest()
    {
        var (slug, run) = await topology.ReadyToCommentAsync();
        var marker = $"topo-approve-{run}";
        using var reader = topology.Reader();
        await Journeys.PostAcknowledgedCommentAsync(reader, slug, $"Approved on one box, read on the other {marker}");

        // B renders (and caches) the article page while the comment is still pending.
        using var readerOnB = Topology.Direct(topology.B);
        var before = await readerOnB.GetAsync($"/news/{slug}");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.DoesNotContain(marker, before.Text, StringComparison.Ordinal);

        var moderator = await topology.AdminOnAsync(topology.A);
        await Journeys.ApproveAsync(moderator, topology.Database, marker);

        // No waiting: B's very next request.
        var after = await readerOnB.GetAsync($"/news/{slug}");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.True(
            after.Text.Contains(marker, StringComparison.Ordinal),
            $"Approved on {topology.A}, but {topology.B} still serves the article page without the comment {marker}: its cache was not told.");
    }
}
