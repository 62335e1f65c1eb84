namespace NewsPortal.UnitTests.TestSupport;

/// <summary>
/// The signing primitives (<see cref="LinkSigner"/>, <see cref="FormStamp"/>) as the site builds them: a data-protection
/// key ring of its own (held in memory, so another instance of this class is another site), the previous scheme's
/// keys in a real database, and a clock the test moves.
/// </summary>
internal sealed class SigningServices : IDisposable
{
    private readonly MemoryDatabase _database = new();
    private readonly ServiceProvider _services;

    public SigningServices(Action<CommentOptions>? comments = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddDataProtection().SetApplicationName("NewsPortal.UnitTests");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new MemoryXmlRepository());
        services.Configure<CommentOptions>(o => comments?.Invoke(o));
        services.AddSingleton(_ => new SiteSecretStore(_database.Scopes, Time));
        services.AddSingleton<KeyRingKeys>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<FormStamp>();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public LinkSigner Links => _services.GetRequiredService<LinkSigner>();

    public FormStamp Stamps => _services.GetRequiredService<FormStamp>();

    public SiteSecretStore Legacy => _services.GetRequiredService<SiteSecretStore>();

    /// <summary>Stores a key of the previous scheme, as a site upgraded from it has, and reads the keys as start-up does.</summary>
    public async Task AddLegacyKeyAsync(string name, byte[] key)
    {
        await _database.WithDbAsync(async db =>
        {
            db.SiteSecrets.Add(new SiteSecret { Name = name, Value = key, CreatedAt = Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        await Legacy.LoadAllAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _services.Dispose();
        _database.Dispose();
    }

    private sealed class MemoryXmlRepository : IXmlRepository
    {
        private readonly List<XElement> _elements = [];

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            lock (_elements)
            {
                return [.. _elements.Select(e => new XElement(e))];
            }
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            lock (_elements)
            {
                _elements.Add(new XElement(element));
            }
        }
    }
}
