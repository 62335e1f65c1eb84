using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Database;

namespace NewsPortal.IntegrationTests.Features.AdminImport;

/// <summary>
/// /admin/import as an admin uses it: upload, the run in the background, its progress and summary on the page, and
/// every upload it refuses (with a message on the page, nothing written, no file left behind).
/// </summary>
public sealed class ImportPageTests : IAsyncLifetime
{
    private readonly ImportSite _site = new();
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _site.Factory.Settings["Import:MaxUploadMegabytes"] = "4";
        _site.Factory.Settings["Import:MaxExtractedMegabytes"] = "1";
        _site.Factory.Settings["Import:MaxZipEntries"] = "20";
        // The test that holds the write gate keeps the run waiting at its first write; it must wait, not give up.
        _site.Factory.Settings["Database:WriteWaitSeconds"] = "60";
        _admin = await _site.Factory.SignedInAsync(StaffSessions.AdminEmail);
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("Editor")]
    [InlineData("Moderator")]
    [InlineData("Reporter")]
    public async Task ImportPage_StaffWhoAreNotAdmins_Get403(string role)
    {
        var email = $"{role.ToLowerInvariant()}@test.example";
        await _site.Factory.CreateStaffAsync(email, role);
        var client = await _site.Factory.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/import/status")).StatusCode);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(ImportSite.Fixture("statuses"))), "Export", "statuses.xml" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/admin/import", content)).StatusCode);
        Assert.DoesNotContain("href=\"/admin/import\"", await (await client.GetAsync("/admin")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.CountAsync()));
    }

    [Fact]
    public async Task ImportPage_Anonymous_GoesToLogin()
    {
        var response = await _site.Factory.Browser().GetAsync("/admin/import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Fixture_RunsInTheBackgroundAndReadersSeeItsPostsAndComments()
    {
        var response = await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("replies-before-parents"));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/admin/import", response.Headers.Location?.OriginalString);

        var run = await _site.WaitForRunToEndAsync();
        Assert.True(run.Status == ImportRunStatus.Succeeded, $"{run.Status}: {run.Error}");
        Assert.Equal(("replies-before-parents.xml", StaffSessions.AdminEmail, 1), (run.ExportFileName, run.StartedBy, run.Attempts));
        Assert.Contains("comments: imported 5, skipped 1 (pingbacks)", run.Summary, StringComparison.Ordinal);
        Assert.Empty(_site.LeftInImportFolder());

        var page = await Html.ParseAsync(await _admin.GetAsync("/admin/import"));
        var current = page.QuerySelector("#import-current")!;
        Assert.Contains("Latest import", current.TextContent, StringComparison.Ordinal);
        Assert.Equal("Finished", current.QuerySelector("[data-import-state]")?.TextContent);
        Assert.Contains(current.QuerySelectorAll(".import-summary li"), li => li.TextContent.StartsWith("comments: imported 5, skipped 1 (pingbacks)", StringComparison.Ordinal));
        Assert.Null(current.QuerySelector("progress"));
        Assert.Null(page.QuerySelector("meta[http-equiv=refresh]"));

        var reader = _site.Factory.CreateNoRedirectClient();
        var thread = await reader.GetStringAsync("/news/threads-any-order");
        Assert.Contains("Top level comment", thread, StringComparison.Ordinal);
        Assert.Contains("Third level reply", thread, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await reader.GetAsync("/?p=" + await _site.Factory.WithDbAsync(db => db.ImportedItems.Where(i => i.Kind == "post").Select(i => i.SourceKey).FirstAsync()))).StatusCode);

        // A second import: the first is kept, with its summary, among the earlier ones.
        Assert.Equal(HttpStatusCode.SeeOther, (await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses"))).StatusCode);
        Assert.Equal(ImportRunStatus.Succeeded, (await _site.WaitForRunToEndAsync(2)).Status);
        var later = await Html.ParseAsync(await _admin.GetAsync("/admin/import"));
        Assert.Contains("statuses.xml", later.QuerySelector("#import-current")!.TextContent, StringComparison.Ordinal);
        var earlier = Assert.Single(later.QuerySelectorAll(".import-history-item"));
        Assert.Contains("replies-before-parents.xml", earlier.TextContent, StringComparison.Ordinal);
        Assert.Contains("comments: imported 5, skipped 1 (pingbacks)", earlier.QuerySelector("details .import-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WhileAnImportRuns_IsRefusedAndThePageShowsTheRunningImport()
    {
        // The run is held at its first write while the site's one write gate is taken here.
        var gate = _site.Factory.Services.GetRequiredService<SqliteWriteGate>();
        // The form as an admin has it open in another tab from before the first upload.
        var formBefore = await ImportSite.UploadFormAsync(_admin);
        // Several batches of writes: it cannot be over between the upload's answer and the gate's taking.
        var export = ImportSite.GeneratedExport(150, 10);
        Assert.Equal(HttpStatusCode.SeeOther, (await ImportSite.UploadAsync(_admin, export, form: formBefore)).StatusCode);
        using (await gate.EnterAsync(CancellationToken.None))
        {
            var running = await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.AsNoTracking().SingleAsync());
            Assert.Equal((ImportRunStatus.Running, 1), (running.Status, running.ActiveSlot));

            var page = await Html.ParseAsync(await _admin.GetAsync("/admin/import"));
            var current = page.QuerySelector("#import-current")!;
            Assert.Contains("Import in progress", current.TextContent, StringComparison.Ordinal);
            Assert.NotNull(current.QuerySelector("progress#import-bar"));
            Assert.NotNull(current.QuerySelector("[role=status][data-import-progress]"));
            Assert.NotNull(page.QuerySelector("noscript meta[http-equiv=refresh]"));
            Assert.NotNull(page.QuerySelector("script[src*='import-progress']"));
            Assert.Null(page.QuerySelector("form.import-upload"));

            using var status = JsonDocument.Parse(await _admin.GetStringAsync("/admin/import/status"));
            Assert.True(status.RootElement.GetProperty("running").GetBoolean());
            Assert.Equal(running.Id, status.RootElement.GetProperty("id").GetInt32());
            Assert.False(string.IsNullOrEmpty(status.RootElement.GetProperty("progressText").GetString()));

            var second = await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("two-categories"), form: formBefore);
            var body = await second.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Contains($"An import is already running ({export.Name}, started by admin@test.example); one import runs at a time.", body, StringComparison.Ordinal);
        }

        var run = await _site.WaitForRunToEndAsync();
        Assert.Equal(ImportRunStatus.Succeeded, run.Status);
        Assert.Contains("comments: imported 1,500", run.Summary, StringComparison.Ordinal);
        Assert.True(run.Total > 0 && run.Done == run.Total, $"progress at the end: {run.Done} of {run.Total}");
        Assert.Equal(1, await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.CountAsync()));
        Assert.False(await _site.Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "Budget and markets")));
        Assert.Empty(_site.LeftInImportFolder());
    }

    [Fact]
    public async Task Cancel_WhileAnImportRuns_StopsItAndSaysWhoDid()
    {
        var gate = _site.Factory.Services.GetRequiredService<SqliteWriteGate>();
        // Several batches: the run is asked to stop while it waits for its first, and stops before its last.
        Assert.Equal(HttpStatusCode.SeeOther, (await ImportSite.UploadAsync(_admin, ImportSite.GeneratedExport(600, 10))).StatusCode);
        using (await gate.EnterAsync(CancellationToken.None))
        {
            var page = await Html.ParseAsync(await _admin.GetAsync("/admin/import"));
            var stop = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.import-cancel");
            Assert.NotNull(stop);
            var response = await Html.SubmitAsync(_admin, stop);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal(StaffSessions.AdminEmail, await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.Select(r => r.CancelRequestedBy).SingleAsync()));
            Assert.Contains("Stopping (asked by admin@test.example)", await _admin.GetStringAsync("/admin/import"), StringComparison.Ordinal);
        }

        var run = await _site.WaitForRunToEndAsync();
        Assert.True(run.Status == ImportRunStatus.Cancelled, $"{run.Status}: {run.Error} {run.Summary}");
        Assert.StartsWith("Cancelled by admin@test.example. What was written stays", run.Error, StringComparison.Ordinal);
        Assert.True(await _site.Factory.WithDbAsync(db => db.Comments.CountAsync()) < 6_000, "the whole export was imported although it was stopped");
        Assert.Empty(_site.LeftInImportFolder());
        var after = await Html.ParseAsync(await _admin.GetAsync("/admin/import"));
        Assert.Equal("Cancelled", after.QuerySelector("#import-current [data-import-state]")?.TextContent);
        Assert.NotNull(after.QuerySelector("form.import-upload"));
    }

    [Fact]
    public async Task Cancel_ARunWhoseInstanceStopped_EndsItAtOnce()
    {
        var id = await InsertActiveRunAsync(leaseUntil: DateTime.UtcNow.AddMinutes(-1));
        var page = await Html.ParseAsync(await _admin.GetAsync("/admin/import"));
        Assert.Contains("Stopped reporting", page.QuerySelector("#import-current")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.SeeOther, (await Html.SubmitAsync(_admin, page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.import-cancel")!)).StatusCode);

        var run = await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ImportRunStatus.Cancelled, (int?)null), (run.Status, run.ActiveSlot));
    }

    [Fact]
    public async Task Upload_TwoAtOnce_OneRunsAndTheOtherIsRefused()
    {
        var second = await _site.Factory.SignedInAsync(StaffSessions.AdminEmail);
        var responses = await Task.WhenAll(
            ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses")),
            ImportSite.UploadAsync(second, ImportSite.FixtureFile("two-categories")));

        var codes = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.Conflict], codes);
        await _site.WaitForRunToEndAsync();
        Assert.Equal(1, await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.CountAsync()));
        Assert.Empty(_site.LeftInImportFolder());
    }

    [Fact]
    public async Task Upload_AnotherInstanceHoldsTheImport_IsRefused()
    {
        var form = await ImportSite.UploadFormAsync(_admin);
        await InsertActiveRunAsync(leaseUntil: DateTime.UtcNow.AddMinutes(2));

        var response = await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses"), form: form);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("An import is already running (big-export.xml, started by other@test.example)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.CountAsync()));
        Assert.Equal(0, await _site.Factory.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Empty(_site.LeftInImportFolder());
    }

    [Fact]
    public async Task Upload_TheInstanceHoldingTheImportStoppedReporting_TakesItsPlace()
    {
        var stale = await InsertActiveRunAsync(leaseUntil: DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal(HttpStatusCode.SeeOther, (await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses"))).StatusCode);
        var run = await _site.WaitForRunToEndAsync(2);
        Assert.Equal(ImportRunStatus.Succeeded, run.Status);
        var old = await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.AsNoTracking().SingleAsync(r => r.Id == stale));
        Assert.Equal((ImportRunStatus.Interrupted, (int?)null), (old.Status, old.ActiveSlot));
        Assert.Contains("stopped reporting", old.Error, StringComparison.Ordinal);
        Assert.Contains("stopped reporting", await _admin.GetStringAsync("/admin/import"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("malformed", "not well-formed XML", "(line 16, column")]
    [InlineData("not-wxr", "not a WordPress export", "(line 2, column")]
    public async Task Upload_FileItCannotRead_RunFailsSayingWhereAndImportsNothing(string fixture, string reason, string where)
    {
        Assert.Equal(HttpStatusCode.SeeOther, (await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile(fixture))).StatusCode);

        var run = await _site.WaitForRunToEndAsync();
        Assert.Equal(ImportRunStatus.Failed, run.Status);
        Assert.StartsWith("Nothing was imported: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Contains(where, run.Error, StringComparison.Ordinal);
        var page = await Html.ParseAsync(await _admin.GetAsync("/admin/import"));
        var shown = page.QuerySelector("#import-current [role=alert]")?.TextContent ?? string.Empty;
        Assert.Contains(where, shown, StringComparison.Ordinal);
        Assert.Contains("Failed", page.QuerySelector("#import-current")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.import-upload"));
        await _site.Factory.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.Articles.CountAsync());
            Assert.Equal(0, await db.Comments.CountAsync());
            Assert.Equal(0, await db.ImportedItems.CountAsync());
        });
        Assert.Empty(_site.LeftInImportFolder());
    }

    public static TheoryData<string, string> BadZips() => new()
    {
        { "not-a-zip", "The uploads file is not a zip archive" },
        { "cut-off", "The uploads file is not a zip archive" },
        { "parent-folder", "names a file outside its own folder (../../etc/cron.jpg)" },
        { "nested-parent-folder", "names a file outside its own folder (wp-content/uploads/../../../x.jpg)" },
        { "absolute", "names a file outside its own folder (/etc/x.jpg)" },
        { "drive", "names a file outside its own folder (C:/Windows/x.jpg)" },
        { "too-many-entries", "holds 21 entries, more than the 20 accepted (Import:MaxZipEntries)" },
        { "bomb", "unpacks to more than the 1 MB accepted (Import:MaxExtractedMegabytes)" },
    };

    [Theory]
    [MemberData(nameof(BadZips))]
    public async Task Upload_BadUploadsZip_IsRefusedWithAMessageAndNothingIsWritten(string kind, string message)
    {
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 };
        var good = ImportSite.Zip(("wp-content/uploads/2025/03/a.jpg", jpeg));
        var zip = kind switch
        {
            "not-a-zip" => "PK but not really a zip archive at all"u8.ToArray(),
            "cut-off" => good[..(good.Length / 2)],
            "parent-folder" => ImportSite.Zip(("2025/03/a.jpg", jpeg), ("../../etc/cron.jpg", jpeg)),
            "nested-parent-folder" => ImportSite.Zip(("wp-content/uploads/../../../x.jpg", jpeg)),
            "absolute" => ImportSite.Zip(("/etc/x.jpg", jpeg)),
            "drive" => ImportSite.Zip(("C:/Windows/x.jpg", jpeg)),
            "too-many-entries" => ImportSite.Zip([.. Enumerable.Range(0, 21).Select(i => ($"2025/03/{i}.jpg", jpeg))]),
            "bomb" => ImportSite.Zip(("2025/03/huge.jpg", new byte[3 * 1024 * 1024])),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses"), ("uploads.zip", zip));
        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refusal = page.QuerySelector(".import-refusal")?.TextContent ?? string.Empty;
        Assert.True(refusal.Contains(message, StringComparison.Ordinal) && refusal.Contains("Nothing was imported", StringComparison.Ordinal), $"The page said: {refusal}");
        Assert.Equal(0, await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.CountAsync()));
        Assert.Equal(0, await _site.Factory.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Empty(_site.LeftInImportFolder());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Upload_LargerThanTheLimit_IsRefusedWithAMessage(bool chunked)
    {
        // A valid export padded past 4 MB (Import:MaxUploadMegabytes in this class) with an XML comment.
        var export = File.ReadAllText(ImportSite.Fixture("statuses")).Replace("<channel>", "<channel><!--" + new string('x', 4_300_000) + "-->", StringComparison.Ordinal);
        var response = await ImportSite.UploadAsync(_admin, ("big.xml", System.Text.Encoding.UTF8.GetBytes(export)), chunked: chunked);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var refusal = page.QuerySelector(".import-refusal")?.TextContent ?? string.Empty;
        Assert.Contains("larger than the 4 MB this site accepts (Import:MaxUploadMegabytes)", refusal, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.import-upload"));
        Assert.Equal(0, await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.CountAsync()));
        Assert.Empty(_site.LeftInImportFolder());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong")]
    [InlineData("after-the-files")]
    public async Task Upload_WithoutTheAntiforgeryToken_Is400AndWritesNothing(string how)
    {
        var response = how switch
        {
            "missing" => await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses"), token: string.Empty),
            "wrong" => await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses"), token: "CfDJ8-not-a-token"),
            _ => await ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses"), tokenLast: true),
        };

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _site.Factory.WithDbAsync(db => db.WordPressImportRuns.CountAsync()));
        Assert.Empty(_site.LeftInImportFolder());
    }

    [Fact]
    public async Task Upload_NoExportChosen_IsRefusedWithAMessage()
    {
        var response = await ImportSite.UploadAsync(_admin, (string.Empty, []));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose the WordPress export file", (await Html.ParseAsync(response)).QuerySelector(".import-refusal")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(_site.LeftInImportFolder());
    }

    [Fact]
    public async Task Run_LeftByAnInstanceThatStopped_IsFinishedByAnInstanceStarting()
    {
        // An instance received the upload and stopped: its row still holds the slot (its lease run out), its files
        // are on the disk the next instance starts on.
        var folder = Path.Combine(_site.ImportFolder, "left-behind");
        var id = await InsertActiveRunAsync(DateTime.UtcNow.AddMinutes(-1), folder);
        Directory.CreateDirectory(folder);
        File.Copy(ImportSite.Fixture("replies-before-parents"), Path.Combine(folder, "export.xml"));

        await using var restarted = new ImportSite(_site.Factory.DatabasePath, _site.ImportFolder, _site.MediaRoot);
        await restarted.Factory.WithDbAsync(db => db.WordPressImportRuns.CountAsync());
        var run = await restarted.WaitForRunToEndAsync();

        Assert.Equal((id, ImportRunStatus.Succeeded, 2), (run.Id, run.Status, run.Attempts));
        Assert.Contains("comments: imported 5", run.Summary, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(5, await restarted.Factory.WithDbAsync(db => db.Comments.CountAsync()));
    }

    private async Task<int> InsertActiveRunAsync(DateTime leaseUntil, string? folder = null) => await _site.Factory.WithDbAsync(async db =>
    {
        var run = new WordPressImportRun
        {
            Status = ImportRunStatus.Running,
            ActiveSlot = WordPressImportRun.TheSlot,
            ExportFileName = "big-export.xml",
            WorkFolder = folder ?? Path.Combine(_site.ImportFolder, "elsewhere"),
            Holder = "other-host/4242/0123456789abcdef",
            LeaseUntil = leaseUntil,
            Attempts = 1,
            StartedBy = "other@test.example",
            StartedAt = DateTime.UtcNow.AddMinutes(-10),
            PhaseStartedAt = DateTime.UtcNow.AddMinutes(-9),
            Phase = "Posts and comments",
            Done = 1_000,
            Total = 100_000,
        };
        db.WordPressImportRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    });
}
