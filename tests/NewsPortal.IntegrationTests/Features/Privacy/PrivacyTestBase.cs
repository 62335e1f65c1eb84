using Serilog.Core;

namespace NewsPortal.IntegrationTests.Features.Privacy;

/// <summary>A site on a fake clock with a real SMTP server on loopback and a captured log, and how a reader comments and asks about their data, shared by the privacy tests.</summary>
public abstract class PrivacyTestBase : MailSiteTestBase
{
    private protected const string Canary = "canary.7f3a@example.test";
    private protected const string CanaryText = "Canary comment text 7f3a that must not leak.";
    private protected readonly CapturedLog _log = new();

    private protected override Task ConfigureAsync(NewsPortalFactory site)
    {
        site.Settings["Privacy:RetentionEnabled"] = "false";
        site.Settings["Notifications:ReplyGrouping"] = "00:00:00";
        // The shipped log levels (Information, Microsoft at Warning), not the tests' quieter default.
        site.Settings["Serilog:MinimumLevel:Default"] = "Information";
        site.Settings["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Information";
        return Task.CompletedTask;
    }

    private protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(_log);

    private protected async Task<(string Slug, int Id)> PublishedCommentAsync(string email, string text, string name = "Canary Person", bool notify = false)
    {
        var slug = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var client = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        var values = new Dictionary<string, string> { ["Name"] = name, ["Email"] = email, ["Body"] = text };
        if (notify)
        {
            values["NotifyReplies"] = "true";
        }

        var posted = await Html.SubmitAsync(client, Html.CommentForm(page), values);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var id = await _site.WithDbAsync(db => db.Comments.Where(c => c.BodyHtml.Contains(text)).Select(c => c.Id).SingleAsync());
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ModerationService>().ApplyAsync(id, ModerationAction.Approve, null, StaffSessions.AdminEmail, TestContext.Current.CancellationToken);
        return (slug, id);
    }

    /// <summary>A reader's comment through the real form, pending (pre-moderation is on); returns the browser that posted it.</summary>
    private protected async Task<(HttpClient Author, string Slug, int Id)> PostAsync(string email, string text, string name)
    {
        var slug = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var author = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(author, $"/news/{slug}");
        var posted = await Html.SubmitAsync(author, Html.CommentForm(page),
            new Dictionary<string, string> { ["Name"] = name, ["Email"] = email, ["Body"] = text, ["NotifyReplies"] = "true" });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var id = await _site.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).Select(c => c.Id).SingleAsync());
        return (author, slug, id);
    }

    /// <summary>The author's own edit, from the browser that posted, through the comment's edit page.</summary>
    private protected static async Task OwnEditAsync(HttpClient author, string slug, int id, string text)
    {
        var (response, page) = await Html.GetAsync(author, $"/news/{slug}/comments/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await Html.SubmitAsync(author, page.QuerySelector<IHtmlFormElement>($"form[action='/news/{slug}/comments/{id}/edit']")!,
            new Dictionary<string, string> { ["Body"] = text });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
    }

    private protected async Task ApproveAsync(int id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ModerationService>().ApplyAsync(id, ModerationAction.Approve, null, StaffSessions.AdminEmail, TestContext.Current.CancellationToken);
    }

    private protected async Task StaffEditAsync(int id, string text)
    {
        var version = await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        await using var scope = _site.Services.CreateAsyncScope();
        Assert.Equal(ModerationOutcome.Changed, await scope.ServiceProvider.GetRequiredService<ModerationService>()
            .EditAsync(id, new CommentEditForm { Body = text, Version = version }, StaffSessions.AdminEmail, TestContext.Current.CancellationToken));
    }

    /// <summary>Every text value in every table of the database (search index included) that contains <paramref name="marker"/>.</summary>
    private protected async Task<List<string>> StoredTextsContainingAsync(string marker)
    {
        var hits = new List<string>();
        await using var connection = new SqliteConnection(_site.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is string text && text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        hits.Add($"{table}.{reader.GetName(i)}: {text[..Math.Min(text.Length, 120)]}");
                    }
                }
            }
        }

        Assert.True(tables.Count > 15, $"Only {tables.Count} tables were read.");
        return hits;
    }

    private protected async Task<MimeMessage> RequestAsync(string email, string request)
    {
        var client = _site.CreateClient();
        var (response, page) = await Html.GetAsync(client, "/privacy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var before = _smtp.Messages.Count;
        var sent = await Html.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!,
            new Dictionary<string, string> { ["Email"] = email, ["Request"] = request });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("If we hold anything for that address", (await Html.ParseAsync(sent)).QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        await DeliverAsync();
        return Assert.Single(_smtp.Messages.Skip(before), m => (m.Subject ?? string.Empty).StartsWith("Your ", StringComparison.Ordinal));
    }

    private protected static string LinkIn(MimeMessage message, string label)
    {
        var lines = (message.TextBody ?? string.Empty).Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith(label, StringComparison.Ordinal));
        Assert.True(at >= 0, $"No '{label}' in:\n{message.TextBody}");
        return new Uri(lines[at + 1].Trim()).PathAndQuery;
    }
}
