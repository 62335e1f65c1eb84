namespace NewsPortal.IntegrationTests.Features.AdminImport;

/// <summary>One import at a time across instances: a second upload is refused, a run can be cancelled, and a run whose instance stopped is taken over or finished.</summary>
public sealed class ImportRunTests : ImportPageTestBase
{
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
        // Both forms first, as two admins would have them open: once one upload runs, the page offers no form.
        var forms = await Task.WhenAll(ImportSite.UploadFormAsync(_admin), ImportSite.UploadFormAsync(second));
        // At once for certain: the write gate is held until both uploads have saved their files, so both have looked
        // for a running import and found none before either could save its run (sent together but unheld, a small
        // export could be imported and over before the other upload looked, and both would rightly start).
        var gate = _site.Factory.Services.GetRequiredService<SqliteWriteGate>();
        Task<HttpResponseMessage[]> uploads;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            uploads = Task.WhenAll(
                ImportSite.UploadAsync(_admin, ImportSite.FixtureFile("statuses"), form: forms[0]),
                ImportSite.UploadAsync(second, ImportSite.FixtureFile("two-categories"), form: forms[1]));
            Assert.True(
                await Loopback.WaitUntilAsync(() => Task.FromResult(_site.LeftInImportFolder().Count(f => Path.GetFileName(f) == ImportWorkFolder.ExportFile) == 2), TimeSpan.FromSeconds(30)),
                $"the two uploads did not both save their files; in the import folder: {string.Join(", ", _site.LeftInImportFolder())}");
            // From a saved file to the look for a running import is a few statements and one read, which the held gate does not stop.
            await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        }

        var responses = await uploads;
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
}
