namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>Two identical posts racing, one either side of a moment a time-bucketed key would have changed at.</summary>
public sealed class CommentDuplicateRaceTests(CommentDuplicateRaceTests.Factory factory) : IClassFixture<CommentDuplicateRaceTests.Factory>
{
    public sealed class Factory : FakeClockFactory
    {
        public Factory()
            : base(("Comments:DuplicateWindowMinutes", "10")) => DbInterceptors.Add(Pause);

        public PauseAfterDuplicateCheck Pause { get; } = new();
    }

    /// <summary>
    /// Once armed, the next post's duplicate check (its last read before it writes) runs <see cref="Meanwhile"/> after
    /// reading its rows and before the post goes on: another post that starts and finishes in that gap is the race.
    /// </summary>
    public sealed class PauseAfterDuplicateCheck : DbCommandInterceptor
    {
        public Func<Task>? Meanwhile { get; set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"BodyHtml\" =", StringComparison.Ordinal)
                && command.CommandText.Contains("\"AuthorEmail\" =", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _meanwhileTaken, 1) == 0 && Meanwhile is { } meanwhile)
            {
                await meanwhile();
            }

            return result;
        }

        public void Arm(Func<Task> meanwhile)
        {
            Meanwhile = meanwhile;
            _meanwhileTaken = 0;
        }

        private int _meanwhileTaken = 1;
    }

    [Fact]
    public async Task IdenticalPostsRacing_EitherSideOfAWindowBoundary_AreStoredOnce()
    {
        var window = TimeSpan.FromMinutes(10);
        var now = factory.Clock.GetUtcNow();
        var boundary = new DateTimeOffset((now.UtcTicks / window.Ticks + 2) * window.Ticks, TimeSpan.Zero);
        factory.Clock.SetUtcNow(boundary - TimeSpan.FromSeconds(1));
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().PublishedAt(boundary.UtcDateTime.AddHours(-1)).SaveAsync(db))).Slug;
        var typed = new Dictionary<string, string> { ["Name"] = "Double Clicker", ["Email"] = "double@example.com", ["Body"] = "Sent twice by a shaky connection." };
        var first = factory.CreateNoRedirectClient();
        var second = factory.CreateNoRedirectClient();
        var firstForm = Html.CommentForm((await Html.GetAsync(first, $"/news/{slug}")).Document);
        var secondForm = Html.CommentForm((await Html.GetAsync(second, $"/news/{slug}")).Document);

        // The first post has checked for a duplicate (none) a second before the boundary; the second starts and
        // finishes two seconds later, on the other side of it, before the first writes.
        HttpResponseMessage? secondResponse = null;
        factory.Pause.Arm(async () =>
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(2));
            secondResponse = await Html.SubmitAsync(second, secondForm, typed);
        });
        var firstResponse = await Html.SubmitAsync(first, firstForm, typed);

        Assert.Equal(HttpStatusCode.SeeOther, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, secondResponse!.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Article.Slug == slug).Select(c => c.Id).ToListAsync());
        var id = Assert.Single(stored);
        Assert.Equal($"/news/{slug}/comments/{id}", firstResponse.Headers.Location!.OriginalString);
        Assert.Equal($"/news/{slug}/comments/{id}", secondResponse.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task IdenticalPost_AfterTheWindow_IsStoredAgain()
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().PublishedAt(factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1)).SaveAsync(db))).Slug;
        var typed = new Dictionary<string, string> { ["Name"] = "Patient", ["Email"] = "patient@example.com", ["Body"] = "Said once, and again much later." };
        foreach (var _ in new[] { 1, 2 })
        {
            var client = factory.CreateNoRedirectClient();
            var response = await Html.SubmitAsync(client, Html.CommentForm((await Html.GetAsync(client, $"/news/{slug}")).Document), typed);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            factory.Clock.Advance(TimeSpan.FromMinutes(11));
        }

        Assert.Equal(2, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }
}
