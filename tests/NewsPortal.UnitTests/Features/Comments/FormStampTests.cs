namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>The form stamp: which article and form it binds, how old it may be, and what any change to it gets.</summary>
public sealed class FormStampTests : IDisposable
{
    private const int Article = 42;
    private readonly SigningServices _site = new(o => o.FormStampMaxAgeHours = 24);

    public void Dispose() => _site.Dispose();

    private FormStamp Stamps => _site.Stamps;

    [Fact]
    public async Task CheckAsync_StampedForThisArticleAndForm_IsValid_AndSaysHowOld()
    {
        var stamp = await Stamps.IssueAsync(Article, FormStamp.CommentForm);
        _site.Time.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(new StampCheck(StampVerdict.Valid, TimeSpan.FromSeconds(7)), await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm));
    }

    [Fact]
    public async Task IssueAsync_TwiceInTheSameSecond_GivesTwoStamps()
    {
        Assert.NotEqual(await Stamps.IssueAsync(Article, FormStamp.CommentForm), await Stamps.IssueAsync(Article, FormStamp.CommentForm));
    }

    [Fact]
    public async Task CheckAsync_AtTheMaximumAge_IsValid_ASecondLaterExpired()
    {
        var stamp = await Stamps.IssueAsync(Article, FormStamp.CommentForm);

        _site.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(StampVerdict.Valid, (await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm)).Verdict);

        _site.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(
            new StampCheck(StampVerdict.Expired, TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1)),
            await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task CheckAsync_NoStamp_IsMissing(string? stamp) =>
        Assert.Equal(StampVerdict.Missing, (await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm)).Verdict);

    [Fact]
    public async Task CheckAsync_MovedToAnotherArticle_IsForged()
    {
        var stamp = await Stamps.IssueAsync(Article, FormStamp.CommentForm);

        Assert.Equal(StampVerdict.Forged, (await Stamps.CheckAsync(stamp, Article + 1, FormStamp.CommentForm)).Verdict);
    }

    [Fact]
    public async Task CheckAsync_MovedToTheOtherForm_IsForged()
    {
        var stamp = await Stamps.IssueAsync(Article, FormStamp.CommentForm);

        Assert.Equal(StampVerdict.Forged, (await Stamps.CheckAsync(stamp, Article, FormStamp.ReportForm)).Verdict);
    }

    [Theory]
    [InlineData(0)] // the time: an older stamp posing as a fresh one
    [InlineData(1)] // the article
    [InlineData(2)] // the nonce
    [InlineData(3)] // the ring key it names
    [InlineData(4)] // the MAC
    public async Task CheckAsync_AnyPartChanged_IsForged(int part)
    {
        var parts = (await Stamps.IssueAsync(Article, FormStamp.CommentForm)).Split('.');
        parts[part] = part switch
        {
            0 => (long.Parse(parts[0], CultureInfo.InvariantCulture) - 3600).ToString(CultureInfo.InvariantCulture),
            1 => "43",
            3 => Guid.NewGuid().ToString("N"),
            _ => Flip(parts[part]),
        };

        Assert.Equal(StampVerdict.Forged, (await Stamps.CheckAsync(string.Join('.', parts), part == 1 ? 43 : Article, FormStamp.CommentForm)).Verdict);
    }

    [Fact]
    public async Task CheckAsync_MadeByAnotherSite_IsForged()
    {
        using var other = new SigningServices();
        var stamp = await other.Stamps.IssueAsync(Article, FormStamp.CommentForm);

        Assert.Equal(StampVerdict.Forged, (await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm)).Verdict);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("1.42.abc")]
    [InlineData("1.42.a.b.c.d")]
    [InlineData("x.42.abc.def.ghi")]
    [InlineData("-5.42.abc.def.ghi")]
    [InlineData("1.-42.abc.def.ghi")]
    [InlineData("99999999999999999999.42.abc.def.ghi")] // past what a date can hold
    [InlineData("253402300800.42.abc.def.ghi")] // one second past the last date
    [InlineData("1.42.abc.not-a-key.ghi")]
    public async Task CheckAsync_Malformed_IsForged(string stamp) =>
        Assert.Equal(StampVerdict.Forged, (await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm)).Verdict);

    [Fact]
    public async Task CheckAsync_PreviousFormat_IsReadWhileItsKeyExists_AndExpiresLikeAnyOther()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var issued = _site.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var stamp = LegacyStamp(key, $"{issued}.{Article}.0A1B2C3D4E5F");
        Assert.Equal(StampVerdict.Forged, (await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm)).Verdict);

        await _site.AddLegacyKeyAsync(SiteSecretStore.FormStampKey, key);
        Assert.Equal(StampVerdict.Valid, (await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm)).Verdict);
        Assert.Equal(StampVerdict.Forged, (await Stamps.CheckAsync(LegacyStamp(RandomNumberGenerator.GetBytes(32), $"{issued}.{Article}.0A1B2C3D4E5F"), Article, FormStamp.CommentForm)).Verdict);

        _site.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Equal(StampVerdict.Expired, (await Stamps.CheckAsync(stamp, Article, FormStamp.CommentForm)).Verdict);
    }

    /// <summary>The format before the key ring: <c>{unix}.{article}.{nonce}.{mac}</c>, bound to no form.</summary>
    private static string LegacyStamp(byte[] key, string payload) =>
        payload + "." + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)), 0, 18).Replace('+', '-').Replace('/', '_');

    private static string Flip(string text) => (text[0] == 'A' ? 'B' : 'A') + text[1..];
}
