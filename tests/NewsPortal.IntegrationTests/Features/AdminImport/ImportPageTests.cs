namespace NewsPortal.IntegrationTests.Features.AdminImport;

/// <summary>The import page: admins only; an upload runs in the background and readers see what it brought; bad uploads are refused with a message and write nothing.</summary>
public sealed class ImportPageTests : ImportPageTestBase
{
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
}
