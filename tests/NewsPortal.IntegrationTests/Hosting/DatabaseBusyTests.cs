using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Articles;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>Another process holds SQLite's write lock while readers post comments.</summary>
public sealed class DatabaseBusyTests
{
    private const int Posters = 32;

    [Fact]
    public async Task CommentPosts_WhileAnotherProcessHoldsTheWriteLock_Get503WithTheirTextAndReadsStayFast()
    {
        using var factory = new NewsPortalFactory();
        factory.Settings["Database:WriteWaitSeconds"] = "2";
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var forms = new List<(HttpClient Client, IHtmlFormElement Form)>();
        for (var i = 0; i < Posters; i++)
        {
            var client = factory.CreateNoRedirectClient();
            var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
            forms.Add((client, Html.CommentForm(page)));
        }

        // Warm: the first render of a page compiles its views, which is not what this test measures.
        var reader = factory.CreateClient();
        foreach (var url in new[] { "/healthz", "/" })
        {
            await reader.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        }

        // "Another process": a connection of its own on the same file, holding the write lock.
        await using var other = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var posts = forms.Select((f, i) => Html.SubmitAsync(f.Client, f.Form, new Dictionary<string, string>
        {
            ["Name"] = $"Poster {i}", ["Email"] = $"poster{i}@example.com", ["Body"] = $"Comment number {i} while the database is locked.",
        })).ToList();

        // While the posts wait, readers and probes do not.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var timings = new List<(string Url, TimeSpan Took, HttpStatusCode Status)>();
        foreach (var url in new[] { "/healthz", $"/news/{slug}", "/", "/healthz" })
        {
            var stopwatch = Stopwatch.StartNew();
            var response = await reader.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            timings.Add((url, stopwatch.Elapsed, response.StatusCode));
        }

        var answers = await Task.WhenAll(posts);

        Assert.All(timings, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        Assert.All(timings, t => Assert.True(t.Took < TimeSpan.FromSeconds(1), $"{t.Url} took {t.Took.TotalMilliseconds:0} ms while posts waited."));
        for (var i = 0; i < Posters; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answers[i].StatusCode);
            var page = await Html.ParseAsync(answers[i]);
            Assert.Equal(ArticlesController.BusyMessage, page.QuerySelector("#comments .form-errors")!.TextContent.Trim());
            Assert.Equal($"Comment number {i} while the database is locked.", Html.CommentForm(page).QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value.Trim());
        }

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var retry = await Html.SubmitAsync(forms[0].Client, Html.CommentForm(await Html.ParseAsync(answers[0])));
        Assert.Equal(HttpStatusCode.SeeOther, retry.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }
}
