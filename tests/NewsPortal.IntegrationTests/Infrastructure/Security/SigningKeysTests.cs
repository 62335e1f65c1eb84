namespace NewsPortal.IntegrationTests.Infrastructure.Security;

/// <summary>
/// Mailed links and form stamps are signed with the data-protection key ring; what was signed under the previous
/// keys (rows in SiteSecrets) still opens while those rows exist.
/// </summary>
public sealed class SigningKeysTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private Task<HttpResponseMessage> OpenExportAsync(string token) =>
        factory.CreateNoRedirectClient().GetAsync(new Uri("/privacy/export?t=" + token, UriKind.Relative), TestContext.Current.CancellationToken);

    [Fact]
    public async Task MailLink_NewOnesAreDataProtected_AndOneOfThePreviousFormatOpensWhileItsKeyExists()
    {
        var email = $"links-{Guid.NewGuid():N}@example.test";
        await factory.PublishedCommentAsync(email: email);
        var signer = factory.Services.GetRequiredService<LinkSigner>();

        var token = await signer.SignAsync(PrivacyService.ExportPurpose, email, TimeSpan.FromHours(1));
        var sealedBytes = WebEncoders.Base64UrlDecode(token);
        Assert.Equal<byte>([0x09, 0xF0, 0xC9, 0xF0], sealedBytes[..4]);
        Assert.DoesNotContain(email, Encoding.UTF8.GetString(sealedBytes), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await OpenExportAsync(token)).StatusCode);

        var key = RandomNumberGenerator.GetBytes(32);
        var legacy = factory.Services.GetRequiredService<SiteSecretStore>();
        await factory.WithDbAsync(async db =>
        {
            db.SiteSecrets.Add(new SiteSecret { Name = SiteSecretStore.MailLinksKey, Value = key, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        try
        {
            // What start-up does; this test adds the row after the site started.
            await legacy.LoadAllAsync(TestContext.Current.CancellationToken);
            var old = LegacyLink(key, PrivacyService.ExportPurpose, email, DateTimeOffset.UtcNow.AddHours(1));
            Assert.Equal(HttpStatusCode.OK, (await OpenExportAsync(old)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await OpenExportAsync(LegacyLink(key, PrivacyService.ExportPurpose, email, DateTimeOffset.UtcNow.AddHours(-1)))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await OpenExportAsync(LegacyLink(RandomNumberGenerator.GetBytes(32), PrivacyService.ExportPurpose, email, DateTimeOffset.UtcNow.AddHours(1)))).StatusCode);

            // Start-up recorded when it found the old key; no export link mailed before then expires this late, so one
            // that does was made afterwards with a copy of the key.
            Assert.Contains(SiteSecretStore.MailLinksRetiredKey, await factory.WithDbAsync(db => db.SiteSecrets.Select(s => s.Name).ToListAsync()));
            var minted = LegacyLink(key, PrivacyService.ExportPurpose, email, DateTimeOffset.UtcNow + SiteSecretStore.LegacyShortLinkGrace + TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.BadRequest, (await OpenExportAsync(minted)).StatusCode);

            await factory.WithDbAsync(db => db.SiteSecrets.ExecuteDeleteAsync());
            await legacy.LoadAllAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, (await OpenExportAsync(old)).StatusCode);
        }
        finally
        {
            await factory.WithDbAsync(db => db.SiteSecrets.ExecuteDeleteAsync());
            await legacy.LoadAllAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task ReportForm_WithTheCommentFormsStampOfTheSameArticle_IsNotCounted()
    {
        var (slug, commentId) = await factory.PublishedCommentAsync();
        var reader = factory.Reader("192.0.2.71");
        var (_, article) = await Html.GetAsync(reader, $"/news/{slug}");
        var commentStamp = Html.FormValues(Html.CommentForm(article)).Single(f => f.Key == "Stamp").Value;

        var form = await Reports.OpenReportFormAsync(reader, slug, commentId);
        var fields = Html.FormValues(form, new Dictionary<string, string> { ["Reason"] = "spam" });
        var stamp = fields.Single(f => f.Key == "Stamp");
        fields[fields.IndexOf(stamp)] = new(stamp.Key, commentStamp);
        var ignored = await Html.PostAsync(reader, Html.ActionOf(form), fields);

        // Answered like a person (a bot learns nothing), so the browser lands on the thank-you page; nothing is counted.
        Assert.Equal(HttpStatusCode.SeeOther, ignored.StatusCode);
        await Html.GetAsync(reader, ignored.Headers.Location!.OriginalString);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == commentId)));

        // The same reader with the report form's own stamp is counted.
        Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(reader, slug, commentId, "spam")).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == commentId)));
        Assert.Empty(await factory.WithDbAsync(db => db.SiteSecrets.Select(s => s.Name).ToListAsync()));
    }

    /// <summary>The format before the key ring: base64url(purpose \n expiry \n subject) . base64url(HMAC-SHA256).</summary>
    private static string LegacyLink(byte[] key, string purpose, string subject, DateTimeOffset expires)
    {
        var payload = Encoding.UTF8.GetBytes($"{purpose}\n{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}\n{subject}");
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, payload));
    }
}
