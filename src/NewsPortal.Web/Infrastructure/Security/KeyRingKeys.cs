namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>
/// The site's one signing primitive for what must be cheaper than a data protector (antiforgery tokens, form stamps)
/// or deterministic (the keyed hash of a reporter's address): 256-bit keys derived with HKDF-SHA256, one per purpose,
/// from the master secret of a data-protection key-ring key. So they are stored, encrypted with
/// <c>DataProtection:CertificatePath</c> when it is set, shared by every instance, rotated and revoked with the ring:
/// a new ring key (every 90 days) brings new keys, and a token names the ring key it was made under, so it is read
/// for as long as that key is in the ring and not revoked.
/// <para>
/// The ring is read at start-up (<see cref="KeyRingKeysWarmUp"/>) and again in the background every few minutes,
/// or soon after a token names a key this instance has not read. The synchronous callers (the antiforgery protector)
/// never wait for the database: before the first read they fall back (see their own notes), and a token made under a
/// ring key another instance created seconds ago is refused once (a 400 on a form post) while it is fetched. The
/// asynchronous ones may wait for one read of the ring, at most one every few seconds however many tokens name
/// unknown keys.
/// </para>
/// </summary>
public sealed class KeyRingKeys(IDataProtectionProvider framework, IKeyManager keyManager, ILogger<KeyRingKeys> logger)
{
    private static readonly byte[] Salt = Encoding.ASCII.GetBytes("NewsPortal.KeyRingKeys.v1");
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RefreshAtMostEvery = TimeSpan.FromSeconds(10);

    private readonly IDataProtector _probe = framework.CreateProtector("NewsPortal.KeyRingKeys.Probe");
    private readonly ILogger<KeyRingKeys> _logger = logger;
    private readonly ConcurrentDictionary<(Guid KeyId, string Purpose), byte[]> _derived = new();
    private readonly Lock _gate = new();
    private Ring? _ring;
    private Task<Ring>? _loading;
    private long? _loadStarted;

    /// <summary>The framework's own provider (its protectors, not derived keys).</summary>
    public IDataProtectionProvider Framework { get; } = framework;

    /// <summary>The key for <paramref name="purpose"/> under the ring's default key, or null before the ring was first read.</summary>
    public (Guid KeyId, byte[] Key)? Current(string purpose)
    {
        var ring = RingIfLoaded();
        return ring is null ? null : (ring.DefaultKeyId, Derive(ring, ring.DefaultKeyId, purpose)!);
    }

    /// <summary>The key for <paramref name="purpose"/> under ring key <paramref name="keyId"/>; null when this instance does not know that key (yet) or it was revoked.</summary>
    public byte[]? Find(Guid keyId, string purpose)
    {
        var ring = RingIfLoaded();
        if (ring is null)
        {
            return null;
        }

        var key = Derive(ring, keyId, purpose);
        if (key is null)
        {
            StartLoad(force: false);
        }

        return key;
    }

    public async ValueTask<(Guid KeyId, byte[] Key)> CurrentAsync(string purpose)
    {
        var ring = RingIfLoaded() ?? await LoadAsync();
        return (ring.DefaultKeyId, Derive(ring, ring.DefaultKeyId, purpose)!);
    }

    /// <summary>As <see cref="Find"/>, but a key this instance has not read is looked for in the ring (at most every few seconds).</summary>
    public async ValueTask<byte[]?> FindAsync(Guid keyId, string purpose)
    {
        var ring = RingIfLoaded() ?? await LoadAsync();
        if (Derive(ring, keyId, purpose) is { } key)
        {
            return key;
        }

        var reload = StartLoad(force: false);
        return reload is null ? null : Derive(await reload, keyId, purpose);
    }

    /// <summary>
    /// A key for <paramref name="purpose"/> that does not rotate: derived from the oldest key of the ring that is not
    /// revoked (the framework never deletes keys), for keyed hashes that must stay comparable over time. It changes
    /// only when that key is revoked or deleted.
    /// </summary>
    public async ValueTask<byte[]> StableAsync(string purpose)
    {
        var ring = RingIfLoaded() ?? await LoadAsync();
        return Derive(ring, ring.StableKeyId, purpose)!;
    }

    /// <summary>Reads the ring (creating its first key on a new database); start-up awaits this.</summary>
    public Task LoadAtStartAsync() => LoadAsync();

    private Ring? RingIfLoaded()
    {
        var ring = Volatile.Read(ref _ring);
        if (ring is null || Stopwatch.GetElapsedTime(ring.ReadAt) > RefreshEvery)
        {
            // Never (start-up's read failed) or a while ago: read it in the background; this caller goes on without.
            StartLoad(force: false);
        }

        return ring;
    }

    private Task<Ring> LoadAsync() => StartLoad(force: true)!;

    /// <summary>
    /// A read of the ring on the thread pool, or the one under way. Reads start at most every few seconds, so tokens
    /// naming made-up keys cannot make the site read the ring at their pace: then the last read, when
    /// <paramref name="force"/> (someone must have a ring), otherwise null.
    /// </summary>
    private Task<Ring>? StartLoad(bool force)
    {
        lock (_gate)
        {
            if (_loading is { IsCompleted: false } running)
            {
                return running;
            }

            var recent = _loadStarted is { } started && Stopwatch.GetElapsedTime(started) < RefreshAtMostEvery;
            if (recent && (_loading is { IsCompletedSuccessfully: true } || !force))
            {
                return force ? _loading : null;
            }

            _loadStarted = Stopwatch.GetTimestamp();
            return _loading = Task.Run(Read);
        }
    }

    private Ring Read()
    {
        try
        {
            // Protecting makes sure the ring has a key (the framework creates the first one), and the payload's header
            // (magic number, then the key id) names the key the framework protects with now.
            var probe = _probe.Protect([]);
            var defaultKeyId = new Guid(probe.AsSpan(4, 16));
            var masters = new Dictionary<Guid, byte[]>();
            var oldest = (Created: DateTimeOffset.MaxValue, Id: Guid.Empty);
            foreach (var key in keyManager.GetAllKeys().Where(k => !k.IsRevoked))
            {
                if (MasterSecret(key) is not { } master)
                {
                    continue;
                }

                masters[key.KeyId] = master;
                if (key.CreationDate < oldest.Created || (key.CreationDate == oldest.Created && key.KeyId.CompareTo(oldest.Id) < 0))
                {
                    oldest = (key.CreationDate, key.KeyId);
                }
            }

            if (!masters.ContainsKey(defaultKeyId))
            {
                throw new InvalidOperationException($"The data-protection key ring has no readable key {defaultKeyId}.");
            }

            var ring = new Ring(defaultKeyId, oldest.Id, masters, Stopwatch.GetTimestamp());
            foreach (var (entry, _) in _derived)
            {
                if (!masters.ContainsKey(entry.KeyId))
                {
                    // Revoked (or deleted): what was derived from it is no longer accepted.
                    _derived.TryRemove(entry, out _);
                }
            }

            Volatile.Write(ref _ring, ring);
            return ring;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "The data-protection key ring could not be read; signed tokens wait for it.");
            throw;
        }
    }

    private byte[]? Derive(Ring ring, Guid keyId, string purpose)
    {
        if (!ring.Masters.TryGetValue(keyId, out var master))
        {
            return null;
        }

        return _derived.GetOrAdd((keyId, purpose), static (entry, master) =>
            HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, Salt, Encoding.UTF8.GetBytes(entry.Purpose)), master);
    }

    /// <summary>
    /// The key's master secret, from the descriptor's own serialisation (every built-in algorithm writes it as
    /// <c>masterKey/value</c>); null for a key this instance cannot decrypt or a descriptor that has none.
    /// </summary>
    private byte[]? MasterSecret(IKey key)
    {
        try
        {
            var xml = key.Descriptor.ExportToXml().SerializedDescriptorElement;
            var value = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "masterKey")
                ?.Elements().FirstOrDefault(e => e.Name.LocalName == "value")?.Value;
            return value is null ? null : Convert.FromBase64String(value);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            _logger.LogWarning(ex, "Data-protection key {KeyId} cannot be read here; tokens made under it are refused.", key.KeyId);
            return null;
        }
    }

    private sealed record Ring(Guid DefaultKeyId, Guid StableKeyId, IReadOnlyDictionary<Guid, byte[]> Masters, long ReadAt);
}

/// <summary>Reads the key ring and the keys of the previous signing scheme before the server takes requests.</summary>
public sealed class KeyRingKeysWarmUp(KeyRingKeys keys, SiteSecretStore legacy, ILogger<KeyRingKeysWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await keys.LoadAtStartAsync();
            await legacy.LoadAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The site still starts: the first token that needs a key reads the ring again.
            logger.LogError(ex, "The signing keys could not be read at start-up.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
