namespace NewsPortal.IntegrationTests.Features.AdminImport;

/// <summary>An import site with small limits and a signed-in admin, shared by the import page tests.</summary>
public abstract class ImportPageTestBase : IAsyncLifetime
{
    private protected readonly ImportSite _site = new();
    private protected HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _site.Factory.Settings["Import:MaxUploadMegabytes"] = "4";
        _site.Factory.Settings["Import:MaxExtractedMegabytes"] = "1";
        _site.Factory.Settings["Import:MaxZipEntries"] = "20";
        // The test that holds the write gate keeps the run waiting at its first write; it must wait, not give up.
        _site.Factory.Settings["Database:WriteWaitSeconds"] = "60";
        _admin = await _site.Factory.SignedInAsync(StaffSessions.AdminEmail);
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private protected async Task<int> InsertActiveRunAsync(DateTime leaseUntil, string? folder = null) => await _site.Factory.WithDbAsync(async db =>
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
