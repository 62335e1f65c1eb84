namespace NewsPortal.TopologyTests.Features.Comments;

public sealed class CommentRateLimitAcrossInstancesTests(Topology topology, ITestOutputHelper output)
{
    [Fact]
    public async Task PostComment_OverThePerIpLimitAcrossInstances_AnswersTooManyRequestsWithRetryAfter()
    {
        await topology.ReadyAsync();
        var slug = await topology.CommentArticleAsync();
        var marker = Journeys.Marker("limit");

        // An address no post has come from: the shared window (a Redis key that expires a minute after its first
        // count) starts at this reader's first post, so the burst below lies inside one window whatever the clock says.
        var address = topology.NextReaderAddress();

        // The reader opens the article once per comment first, then posts them one after another, so nginx's
        // round robin spreads the posts over both instances (checked below by the instance that answered).
        using var reader = new Visitor(topology.PublicUrl, address);
        var forms = new List<IHtmlFormElement>();
        for (var i = 0; i <= Topology.PostsPerMinutePerIp; i++)
        {
            forms.Add(Html.CommentForm(await reader.PageAsync($"/news/{slug}")));
        }

        var answers = new List<Answer>();
        for (var i = 0; i < forms.Count; i++)
        {
            answers.Add(await Journeys.SubmitCommentAsync(reader, forms[i], $"Comment number {i} from one reader {marker}-n{i}"));
            output.WriteLine($"post {i + 1}: {answers[^1]} Retry-After: {answers[^1].RetryAfter}");
        }

        var allowed = answers.Take(Topology.PostsPerMinutePerIp).ToList();
        var refused = answers[^1];
        var upstreams = allowed.Select(a => a.Upstream).Distinct().ToList();
        Assert.True(
            topology.Instances.All(i => upstreams.Contains(i.UpstreamAddress)),
            $"The allowed posts were not spread over both instances ({string.Join(", ", upstreams)}), so this run proves nothing about sharing.");
        Assert.All(allowed, a => Assert.Equal(HttpStatusCode.SeeOther, a.Status));
        Assert.True(
            refused.Status == HttpStatusCode.TooManyRequests,
            $"Post {answers.Count} from {address} answered {refused}; with a shared limit of {Topology.PostsPerMinutePerIp} a minute it must be 429 (each instance alone has seen at most {Topology.PostsPerMinutePerIp / 2 + 1}).");
        Assert.True(
            int.TryParse(refused.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var retryAfter) && retryAfter is > 0 and <= 60,
            $"429 without a usable Retry-After (got '{refused.RetryAfter}').");

        // The site saw the reader's address, not nginx's: it is what the limit counted and what was stored.
        var stored = await topology.Database.CommentsContainingAsync(marker);
        Assert.Equal(Topology.PostsPerMinutePerIp, stored.Count);
        Assert.All(stored, c => Assert.Equal(address, c.IpAddress));

        // Another reader is not affected.
        using var other = topology.Reader();
        await Journeys.PostAcknowledgedCommentAsync(other, slug, $"A different reader {marker}-other");
    }

}
