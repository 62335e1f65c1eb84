namespace NewsPortal.UnitTests.Infrastructure.Mail;

/// <summary>Mailed links: what opens, until when, and what a changed, moved or foreign token gets.</summary>
public sealed class LinkSignerTests : IDisposable
{
    private const string Subject = "reader@example.test";
    private readonly SigningServices _site = new();

    public void Dispose() => _site.Dispose();

    private LinkSigner Links => _site.Links;

    [Fact]
    public async Task CheckAsync_ALinkThisSiteSigned_IsValid_AndNamesItsSubject()
    {
        var token = await Links.SignAsync("export", Subject, TimeSpan.FromHours(1));

        Assert.Equal((LinkCheck.Valid, Subject), await Links.CheckAsync("export", token));
        Assert.DoesNotContain(Subject, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_AtTheSecondItExpires_IsValid_ASecondLaterExpired()
    {
        var token = await Links.SignAsync("export", Subject, TimeSpan.FromHours(24));

        _site.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal((LinkCheck.Valid, Subject), await Links.CheckAsync("export", token));

        _site.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((LinkCheck.Expired, Subject), await Links.CheckAsync("export", token));
    }

    [Fact]
    public async Task CheckAsync_ForAnotherPurpose_IsInvalid()
    {
        var token = await Links.SignAsync("unsubscribe", Subject, TimeSpan.FromDays(3650));

        Assert.Equal((LinkCheck.Invalid, null), await Links.CheckAsync("erase", token));
    }

    [Fact]
    public async Task CheckAsync_AnyByteChanged_IsInvalid()
    {
        var sealedBytes = WebEncoders.Base64UrlDecode(await Links.SignAsync("export", Subject, TimeSpan.FromHours(1)));

        for (var i = 0; i < sealedBytes.Length; i++)
        {
            var changed = (byte[])sealedBytes.Clone();
            changed[i] ^= 0x01;
            var check = await Links.CheckAsync("export", WebEncoders.Base64UrlEncode(changed));
            Assert.True(check == (LinkCheck.Invalid, null), $"Byte {i} of {sealedBytes.Length} changed, the link was {check.Check}.");
        }
    }

    [Fact]
    public async Task CheckAsync_ShortenedOrLengthened_IsInvalid()
    {
        var sealedBytes = WebEncoders.Base64UrlDecode(await Links.SignAsync("export", Subject, TimeSpan.FromHours(1)));

        Assert.Equal(LinkCheck.Invalid, (await Links.CheckAsync("export", WebEncoders.Base64UrlEncode(sealedBytes[..^1]))).Check);
        Assert.Equal(LinkCheck.Invalid, (await Links.CheckAsync("export", WebEncoders.Base64UrlEncode([.. sealedBytes, 0]))).Check);
    }

    [Fact]
    public async Task CheckAsync_SignedByAnotherSite_IsInvalid()
    {
        using var other = new SigningServices();
        var token = await other.Links.SignAsync("export", Subject, TimeSpan.FromHours(1));

        Assert.Equal((LinkCheck.Invalid, null), await Links.CheckAsync("export", token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64url!")]
    [InlineData("AAAA")]
    [InlineData("a.b.c")]
    [InlineData("a.b")] // the previous format, on a site that never had its key
    public async Task CheckAsync_Garbage_IsInvalid(string? token) =>
        Assert.Equal((LinkCheck.Invalid, null), await Links.CheckAsync("export", token));

    [Fact]
    public async Task CheckAsync_LongerThan2000Characters_IsInvalid_WithoutReadingIt()
    {
        var token = await Links.SignAsync("export", new string('a', 1_600), TimeSpan.FromHours(1));
        Assert.True(token.Length > 2_000);

        Assert.Equal((LinkCheck.Invalid, null), await Links.CheckAsync("export", token));
    }

    [Fact]
    public async Task CheckAsync_PreviousFormat_OpensWhileItsKeyExists_ForItsOwnPurposeOnly()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await _site.AddLegacyKeyAsync(SiteSecretStore.MailLinksKey, key);
        var expires = _site.Time.GetUtcNow().AddHours(1);

        Assert.Equal((LinkCheck.Valid, Subject), await Links.CheckAsync("export", LegacyLink(key, "export", expires)));
        Assert.Equal((LinkCheck.Invalid, null), await Links.CheckAsync("erase", LegacyLink(key, "export", expires)));
        Assert.Equal((LinkCheck.Invalid, null), await Links.CheckAsync("export", LegacyLink(RandomNumberGenerator.GetBytes(32), "export", expires)));

        _site.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal((LinkCheck.Expired, Subject), await Links.CheckAsync("export", LegacyLink(key, "export", expires)));
    }

    [Fact]
    public async Task CheckAsync_PreviousFormat_ShortLivedExpiringPastTheGrace_IsInvalid_AsMintedAfterTheUpgrade()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await _site.AddLegacyKeyAsync(SiteSecretStore.MailLinksKey, key);
        var retired = _site.Time.GetUtcNow();

        var lastMailed = LegacyLink(key, "export", retired + SiteSecretStore.LegacyShortLinkGrace);
        var minted = LegacyLink(key, "export", retired + SiteSecretStore.LegacyShortLinkGrace + TimeSpan.FromSeconds(1));

        Assert.Equal(LinkCheck.Valid, (await Links.CheckAsync("export", lastMailed)).Check);
        Assert.Equal((LinkCheck.Invalid, null), await Links.CheckAsync("export", minted));
    }

    [Fact]
    public async Task CheckAsync_PreviousFormatUnsubscribe_OpensForYears()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await _site.AddLegacyKeyAsync(SiteSecretStore.MailLinksKey, key);

        var token = LegacyLink(key, "unsubscribe", _site.Time.GetUtcNow().AddYears(10));

        Assert.Equal((LinkCheck.Valid, Subject), await Links.CheckAsync("unsubscribe", token));
    }

    /// <summary>The format before the key ring: base64url(purpose \n expiry \n subject) . base64url(HMAC-SHA256).</summary>
    private static string LegacyLink(byte[] key, string purpose, DateTimeOffset expires)
    {
        var payload = Encoding.UTF8.GetBytes($"{purpose}\n{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}\n{Subject}");
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, payload));
    }
}
