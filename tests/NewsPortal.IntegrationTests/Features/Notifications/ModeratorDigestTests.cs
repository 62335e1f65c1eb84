namespace NewsPortal.IntegrationTests.Features.Notifications;

/// <summary>Hourly and daily digests of held comments: what they list, how they count, sent once.</summary>
public sealed class ModeratorDigestTests : NotificationTestBase
{
    [Fact]
    public async Task HourlyDigest_ListsACommentHeldThisHour_ThoughPostedEarlier()
    {
        await ChooseAsync(Moderator, "HourlyDigest");
        var (slug, id) = await ApprovedCommentAsync("old@example.test", "Posted and approved hours ago.");
        _time.Advance(TimeSpan.FromHours(3));
        await DeliverAsync();
        var before = _smtp.Messages.Count;

        await HoldByReportsAsync(slug, id);
        _time.Advance(TimeSpan.FromMinutes(61));
        await DeliverAsync();

        var digest = Assert.Single(_smtp.Messages.Skip(before), m => To(m, Moderator));
        Assert.Equal("1 comment is waiting for moderation", digest.Subject);
        Assert.True(Mentions(digest, id), digest.TextBody);
    }

    [Fact]
    public async Task DailyDigest_OverTwoHundredHeld_SaysHowManyOfHowMany()
    {
        await ChooseAsync(Moderator, "DailyDigest");
        var slug = await ArticleAsync();
        await _site.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            var now = _time.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 205; i++)
            {
                db.Comments.Add(new Comment { ArticleId = article.Id, AuthorName = "Many", AuthorEmail = $"many{i}@example.test", BodyHtml = $"<p>Held number {i}.</p>", Status = CommentStatus.Pending, CreatedAt = now.AddSeconds(i) });
            }

            await db.SaveChangesAsync();
        });

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(5));
        await DeliverAsync();

        var digest = Assert.Single(_smtp.Messages, m => To(m, Moderator));
        Assert.Equal("205 comments are waiting for moderation", digest.Subject);
        Assert.Contains("The first 200 of 205 are below", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HourlyDigest_GroupsTheCommentsHeldInTheHour_AndIsSentOnce()
    {
        await ChooseAsync(Moderator, "HourlyDigest");
        var slug = await ArticleAsync();
        var first = await PostCommentAsync(slug, "one@example.test", "First held comment of the hour.");
        var second = await PostCommentAsync(slug, "two@example.test", "Second held comment of the hour.");

        await DeliverAsync();
        Assert.Empty(_smtp.Messages); // not an hour yet

        _time.Advance(TimeSpan.FromMinutes(61));
        await DeliverAsync();
        await DeliverAsync();

        var digest = Assert.Single(_smtp.Messages);
        Assert.Equal("2 comments are waiting for moderation", digest.Subject);
        Assert.Contains($"https://news.example.test/admin/comments/{first}\n", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://news.example.test/admin/comments/{second}\n", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Second held comment of the hour.", digest.HtmlBody, StringComparison.Ordinal);
    }
}
