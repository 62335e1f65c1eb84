namespace NewsPortal.IntegrationTests.Infrastructure.Security;

/// <summary>
/// Antiforgery tokens made by <see cref="AntiforgeryTokenProtector"/>: what a reader's page carries, and that only a
/// token the site made, unchanged, lets a comment in.
/// </summary>
public sealed class AntiforgeryTokenTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private async Task<string> NewArticleAsync() =>
        (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private Task<int> CommentsOnAsync(string slug) =>
        factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug));

    private static byte[] Decode(string token) => WebEncoders.Base64UrlDecode(token);

    /// <summary>A new visitor opens a new article: its slug, the visitor's browser, the page's response and its comment form.</summary>
    private async Task<(string Slug, HttpClient Client, HttpResponseMessage Response, IHtmlFormElement Form)> NewVisitorOnAnArticleAsync()
    {
        var slug = await NewArticleAsync();
        var client = factory.CreateNoRedirectClient();
        var (response, page) = await Html.GetAsync(client, $"/news/{slug}");
        return (slug, client, response, Html.CommentForm(page));
    }

    [Fact]
    public async Task ArticlePage_NewVisitor_GetsTokensInTheSitesFormatThatPostAComment()
    {
        var (slug, client, response, form) = await NewVisitorOnAnArticleAsync();
        var requestToken = Html.FormValues(form).Single(f => f.Key == "__RequestVerificationToken").Value;
        var cookieToken = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np_af=", StringComparison.Ordinal))
            .Split(';')[0]["np_af=".Length..];

        Assert.Equal(AntiforgeryTokenProtector.FormatVersion, Decode(requestToken)[0]);
        Assert.Equal(AntiforgeryTokenProtector.FormatVersion, Decode(cookieToken)[0]);

        var posted = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Name"] = "Token Reader",
            ["Email"] = "token@example.com",
            ["Body"] = "Posted with the site's own tokens.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(1, await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_WithOneByteOfTheRequestTokenChanged_IsRefusedAndNothingIsStored()
    {
        var (slug, client, _, form) = await NewVisitorOnAnArticleAsync();
        var fields = Html.FormValues(form, new Dictionary<string, string>
        {
            ["Name"] = "Forger",
            ["Email"] = "forger@example.com",
            ["Body"] = "A token I changed.",
        });
        var token = fields.Single(f => f.Key == "__RequestVerificationToken");
        var bytes = Decode(token.Value);
        bytes[bytes.Length / 2] ^= 0x01;
        fields[fields.IndexOf(token)] = new(token.Key, WebEncoders.Base64UrlEncode(bytes));

        var response = await Html.PostAsync(client, Html.ActionOf(form), fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CommentsOnAsync(slug));
    }

    [Fact]
    public void Protector_ReadsItsOwnTokensAndTheFrameworksAndRefusesAnythingAltered()
    {
        var framework = DataProtectionProvider.Create("antiforgery-token-tests").CreateProtector(AntiforgeryTokenProtector.AntiforgeryPurpose);
        var protector = new AntiforgeryTokenProtector(
            framework, factory.Services.GetRequiredService<KeyRingKeys>(), factory.Services.GetRequiredService<SiteSecretStore>());
        var secret = RandomNumberGenerator.GetBytes(49);

        // Start-up read the key ring before the site took requests, so the first token is already the site's.
        var ours = protector.Protect(secret);
        Assert.Equal(AntiforgeryTokenProtector.FormatVersion, ours[0]);
        Assert.NotEqual(ours, protector.Protect(secret));
        Assert.Equal(secret, protector.Unprotect(ours));
        Assert.Equal(secret, protector.Unprotect(framework.Protect(secret)));

        for (var i = 1; i < ours.Length; i++)
        {
            var altered = (byte[])ours.Clone();
            altered[i] ^= 0x80;
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(altered));
        }

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(ours[..20]));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect([AntiforgeryTokenProtector.FormatVersion]));
    }

    [Fact]
    public async Task ArticlePage_Tokens_NameAKeyOfTheDataProtectionKeyRing_AndNoKeyIsStoredOutsideIt()
    {
        var slug = await NewArticleAsync();
        var (_, page) = await Html.GetAsync(factory.CreateNoRedirectClient(), $"/news/{slug}");
        var token = Decode(Html.FormValues(Html.CommentForm(page)).Single(f => f.Key == "__RequestVerificationToken").Value);

        var ring = factory.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).ToList();
        Assert.Contains(new Guid(token.AsSpan(1, 16)), ring);
        Assert.Empty(await factory.WithDbAsync(db => db.SiteSecrets.Select(s => s.Name).ToListAsync()));
    }

    [Fact]
    public async Task Protector_TokenOfThePreviousFormat_IsReadWhileItsSiteSecretExists()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await factory.WithDbAsync(async db =>
        {
            db.SiteSecrets.Add(new SiteSecret { Name = SiteSecretStore.AntiforgeryKey, Value = key, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var legacy = factory.Services.GetRequiredService<SiteSecretStore>();
        try
        {
            // What start-up does; this test adds the row after the site started.
            await legacy.LoadAllAsync(TestContext.Current.CancellationToken);
            var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(AntiforgeryTokenProtector.AntiforgeryPurpose);
            var secret = RandomNumberGenerator.GetBytes(49);

            Assert.Equal(secret, protector.Unprotect(LegacyToken(key, secret)));
            Assert.Equal(AntiforgeryTokenProtector.FormatVersion, protector.Protect(secret)[0]);
        }
        finally
        {
            await factory.WithDbAsync(db => db.SiteSecrets.ExecuteDeleteAsync());
            await legacy.LoadAllAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Protector_AfterTheRingRotates_OldTokensStillRead_AndARevokedKeysTokensAreRefused()
    {
        // A site of its own: this test changes its key ring.
        using var site = new NewsPortalFactory();
        var keyManager = site.Services.GetRequiredService<IKeyManager>();
        var framework = site.Services.GetRequiredService<KeyRingKeys>().Framework;
        var legacy = site.Services.GetRequiredService<SiteSecretStore>();
        var secret = RandomNumberGenerator.GetBytes(49);

        // A fresh reader of the ring, as a newly started instance (or the next background read) sees it.
        async Task<AntiforgeryTokenProtector> InstanceAsync()
        {
            var keys = new KeyRingKeys(framework, keyManager, site.Services.GetRequiredService<ILogger<KeyRingKeys>>());
            await keys.LoadAtStartAsync();
            return new AntiforgeryTokenProtector(framework.CreateProtector(AntiforgeryTokenProtector.AntiforgeryPurpose), keys, legacy);
        }

        var before = (await InstanceAsync()).Protect(secret);
        var next = keyManager.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        // The framework makes the new key its default when it next reads its ring, in the background: wait for that.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        AntiforgeryTokenProtector rotated;
        byte[] after;
        while (true)
        {
            rotated = await InstanceAsync();
            after = rotated.Protect(secret);
            if (new Guid(after.AsSpan(1, 16)) == next.KeyId || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(next.KeyId, new Guid(after.AsSpan(1, 16)));
        Assert.NotEqual(new Guid(before.AsSpan(1, 16)), next.KeyId);
        Assert.Equal(secret, rotated.Unprotect(before));

        keyManager.RevokeKey(new Guid(before.AsSpan(1, 16)), "test: a compromised key");
        var revoked = await InstanceAsync();
        Assert.ThrowsAny<CryptographicException>(() => revoked.Unprotect(before));
        Assert.Equal(secret, revoked.Unprotect(after));
    }

    /// <summary>The format before the key ring: 0xA1, modifier, AES-GCM under HMAC-SHA256(site key, modifier).</summary>
    private static byte[] LegacyToken(byte[] siteKey, byte[] plaintext)
    {
        var output = new byte[1 + 16 + plaintext.Length + 16];
        output[0] = AntiforgeryTokenProtector.LegacyFormatVersion;
        RandomNumberGenerator.Fill(output.AsSpan(1, 16));
        using var aes = new AesGcm(HMACSHA256.HashData(siteKey, output.AsSpan(1, 16)), 16);
        aes.Encrypt(new byte[12], plaintext, output.AsSpan(17, plaintext.Length), output.AsSpan(17 + plaintext.Length, 16),
            System.Text.Encoding.UTF8.GetBytes(AntiforgeryTokenProtector.AntiforgeryPurpose));
        return output;
    }
}
