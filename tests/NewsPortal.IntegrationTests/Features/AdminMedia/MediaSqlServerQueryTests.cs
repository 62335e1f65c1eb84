namespace NewsPortal.IntegrationTests.Features.AdminMedia;

/// <summary>The media library's queries and writes, translated by the SQL Server provider (no server) and parsed as T-SQL.</summary>
public sealed class MediaSqlServerQueryTests : IClassFixture<SqlServerQueryTests.SqlServerFactory>, IDisposable
{
    private readonly SqlServerQueryTests.SqlServerFactory _factory;
    private readonly string _root = MediaSite.NewRoot();

    public MediaSqlServerQueryTests(SqlServerQueryTests.SqlServerFactory factory)
    {
        _factory = factory;
        _factory.Settings["Media:Root"] = _root;
        _factory.Settings["Media:ProcessingEnabled"] = "false";
    }

    public void Dispose() => MediaSite.DeleteRoot(_root);

    [Fact]
    public async Task LibraryUploadAndProcessingQueries_AreValidTSql()
    {
        _factory.Capture.Commands.Clear();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
            await library.ListAsync(null, CancellationToken.None);
            await library.ListAsync("harbour_100%", CancellationToken.None);
            await library.DetailsAsync(1, null, CancellationToken.None);
            await library.UpdateAsync(1, new MediaDetailsForm { Alt = "Boats", Credit = "Ana" }, CancellationToken.None);
            await library.PickerAsync("harbour_100%", CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Data.NewsDbContext>();
            await NewsPortal.Web.Features.Articles.ResponsiveBodyImages.RewriteAsync(db, "<p><img src=\"/media/a1.jpg\" alt=\"A\"></p>", CancellationToken.None);
            await NewsPortal.Web.Features.Articles.ResponsiveImages.ForAddressesAsync(db, ["/media/a1.jpg"], CancellationToken.None);
            await MediaUsage.OfAsync(db, 1, CancellationToken.None);
        }

        // A scope of its own: the stand-in answers every insert with the id already tracked above.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var bytes = MediaTestImages.Jpeg(64, 48);
            using var stream = new MemoryStream(bytes);
            var file = new FormFile(stream, 0, bytes.Length, "files", "boats.jpg");
            await SavedOrAnsweredWithoutRowsAsync(() => scope.ServiceProvider.GetRequiredService<UploadMedia>().UploadAsync([file], 1_000_000, null, CancellationToken.None));
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await SavedOrAnsweredWithoutRowsAsync(() => scope.ServiceProvider.GetRequiredService<MediaProcessor>().RunOnceAsync(CancellationToken.None));
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("LIKE", StringComparison.Ordinal) && c.Contains("[MediaItems]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("INSERT INTO [MediaItems]", StringComparison.Ordinal));
        Assert.True(commands.Any(c => c.Contains("[MediaVariants]", StringComparison.Ordinal) && c.Contains("[FileName]", StringComparison.Ordinal) && c.Contains("@names", StringComparison.Ordinal)),
            "The in-body image lookup was not run:\n" + string.Join("\n---\n", commands.Where(c => c.Contains("[MediaVariants]", StringComparison.Ordinal))));
        Assert.True(commands.Any(c => c.Contains("[Articles]", StringComparison.Ordinal) && c.Contains("[BodyHtml] LIKE", StringComparison.Ordinal)),
            "The where-used query was not run:\n" + string.Join("\n---\n", commands.Where(c => c.Contains("[Articles]", StringComparison.Ordinal))));
        Assert.Contains(commands, c => c.Contains("UPDATE [m]", StringComparison.Ordinal) && c.Contains("[LeaseUntil]", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }

    private static async Task SavedOrAnsweredWithoutRowsAsync(Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The stand-in server answers a save's INSERT without the generated values; its statements were captured before that.
        }
    }
}
