namespace NewsPortal.BrowserTests.Features.AdminComments;

/// <summary>docs/newsroom.md: "`j`/`k` move, `a` approve, `r` reject, `s` spam, `t` bin, `u` restore, `x` select".</summary>
public sealed class ModeratorKeyboardTests(SiteFixture site)
{
    [Fact]
    public async Task Moderator_MovesSelectsAndDecides_ByKeyboardAlone()
    {
        var token = $"kbd{Guid.NewGuid():N}"[..14];
        var ids = await site.WithDbAsync(async db =>
        {
            var article = await SiteContent.ArticleAsync(
                db, $"keyboard-{token}", "A story for the keyboard", "Three comments wait.", "<p>Body.</p>", DateTime.UtcNow.AddHours(-2));
            var comments = Enumerable.Range(1, 3).Select(i => SiteContent.CommentOn(
                article, $"Keyboard Reader {i}", $"keyboard{i}@browser.test", $"<p>Comment {i} {token}</p>", CommentStatus.Pending,
                DateTime.UtcNow.AddMinutes(-i))).ToList();
            db.Comments.AddRange(comments);
            await db.SaveChangesAsync();
            return comments.Select(c => c.Id).ToList();
        });
        await using var context = await site.NewContextAsync();
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.ModeratorEmail);
        await page.GotoAsync($"/admin/comments?status=pending&q={token}");
        var rows = await page.Locator(".queue-item").EvaluateAllAsync<string[]>("items => items.map(i => i.id)");
        Assert.Equal(3, rows.Length);

        // j, j, k: the first row again; x ticks its box and x again clears it; j, x ticks the second.
        foreach (var key in new[] { "j", "j", "k" })
        {
            await page.Keyboard.PressAsync(key);
        }

        Assert.Equal(rows[0], await ActiveRowAsync(page));
        await page.Keyboard.PressAsync("x");
        Assert.True(await IsTickedAsync(page, rows[0]));
        await page.Keyboard.PressAsync("x");
        Assert.False(await IsTickedAsync(page, rows[0]));
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("x");
        Assert.Equal(rows[1], await ActiveRowAsync(page));
        Assert.True(await IsTickedAsync(page, rows[1]));

        // r, s and t on the rows in turn (each decision reloads the queue, which then lists one fewer), u to restore.
        var decided = new List<(int Id, CommentStatus Status)>();
        foreach (var (key, status) in new[] { ("r", CommentStatus.Rejected), ("s", CommentStatus.Spam), ("t", CommentStatus.Trash) })
        {
            await page.GotoAsync($"/admin/comments?status=pending&q={token}");
            var first = await page.Locator(".queue-item").First.GetAttributeAsync("id");
            await page.Keyboard.PressAsync("j");
            Assert.Equal(first, await ActiveRowAsync(page));
            await page.Keyboard.PressAsync(key);
            await page.WaitForSelectorAsync(".notice-success");
            decided.Add((RowCommentId(first!), status));
        }

        Assert.Equal(ids.Order(), decided.Select(d => d.Id).Order());
        foreach (var (id, status) in decided)
        {
            Assert.Equal(status, await StatusAsync(id));
        }

        var rejected = decided[0].Id;
        await page.GotoAsync($"/admin/comments?status=rejected&q={token}");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("u");
        await page.WaitForSelectorAsync(".notice-success");
        Assert.Equal(CommentStatus.Pending, await StatusAsync(rejected));
    }

    private static Task<string?> ActiveRowAsync(IPage page) =>
        page.EvaluateAsync<string?>("document.activeElement.closest('.queue-item')?.id ?? null");

    private static Task<bool> IsTickedAsync(IPage page, string rowId) =>
        page.EvaluateAsync<bool>("id => document.getElementById(id).querySelector(\"input[name='ids']\").checked", rowId);

    private static int RowCommentId(string rowId) => int.Parse(rowId[(rowId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    private Task<CommentStatus> StatusAsync(int id) =>
        site.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
