namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// A site for the newsroom workflow's tests: a clock the test moves, an Admin, and an Editor, two Reporters and a
/// Moderator made on the first sign-in (each test class's factory is a site of its own, so one set of addresses serves
/// them all).
/// </summary>
public class NewsroomFactory : NewsPortalFactory
{
    public const string Editor = "newsroom-editor@test.example";
    public const string Reporter = "newsroom-reporter@test.example";
    public const string OtherReporter = "newsroom-other@test.example";
    public const string Moderator = "newsroom-moderator@test.example";

    private readonly SemaphoreSlim _seed = new(1, 1);
    private bool _seeded;

    public NewsroomFactory()
    {
        Time = Clock;
        this.WithAdmin();
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A browser signed in as one of the accounts above.</summary>
    public async Task<HttpClient> AsAsync(string email)
    {
        await _seed.WaitAsync();
        try
        {
            if (!_seeded)
            {
                _seeded = true;
                await this.CreateStaffAsync(Editor, Roles.Editor);
                await this.CreateStaffAsync(Reporter, Roles.Reporter);
                await this.CreateStaffAsync(OtherReporter, Roles.Reporter);
                await this.CreateStaffAsync(Moderator, Roles.Moderator);
            }
        }
        finally
        {
            _seed.Release();
        }

        return await this.SignedInAsync(email);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _seed.Dispose();
        }

        base.Dispose(disposing);
    }
}
