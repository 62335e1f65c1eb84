using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Infrastructure.Security;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>
/// Antiforgery tokens made by <see cref="AntiforgeryTokenProtector"/>: what a reader's page carries, and that only a
/// token the site made, unchanged, lets a comment in.
/// </summary>
public sealed class AntiforgeryTokenTests : IClassFixture<NewsPortalFactory>
{
    private readonly NewsPortalFactory _factory;

    public AntiforgeryTokenTests(NewsPortalFactory factory) => _factory = factory;

    private async Task<string> NewArticleAsync() =>
        (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private Task<int> CommentsOnAsync(string slug) =>
        _factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug));

    private static byte[] Decode(string token) => WebEncoders.Base64UrlDecode(token);

    [Fact]
    public async Task ArticlePage_NewVisitor_GetsTokensInTheSitesFormatThatPostAComment()
    {
        var slug = await NewArticleAsync();
        var client = _factory.CreateNoRedirectClient();
        var (response, page) = await Html.GetAsync(client, $"/news/{slug}");
        var form = Html.CommentForm(page);
        var requestToken = Html.FormValues(form).Single(f => f.Key == "__RequestVerificationToken").Value;
        var cookieToken = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np_af=", StringComparison.Ordinal))
            .Split(';')[0]["np_af=".Length..];

        Assert.Equal(AntiforgeryTokenProtector.FormatVersion, Decode(requestToken)[0]);
        Assert.Equal(AntiforgeryTokenProtector.FormatVersion, Decode(cookieToken)[0]);

        var posted = await Html.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["Name"] = "Token Reader", ["Email"] = "token@example.com", ["Body"] = "Posted with the site's own tokens.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(1, await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task Post_WithOneByteOfTheRequestTokenChanged_IsRefusedAndNothingIsStored()
    {
        var slug = await NewArticleAsync();
        var client = _factory.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        var form = Html.CommentForm(page);
        var fields = Html.FormValues(form, new Dictionary<string, string>
        {
            ["Name"] = "Forger", ["Email"] = "forger@example.com", ["Body"] = "A token I changed.",
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
    public async Task Protector_ReadsItsOwnTokensAndTheFrameworksAndRefusesAnythingAltered()
    {
        var framework = DataProtectionProvider.Create("antiforgery-token-tests").CreateProtector(AntiforgeryTokenProtector.AntiforgeryPurpose);
        var protector = new AntiforgeryTokenProtector(framework, _factory.Services.GetRequiredService<SiteSecretStore>());
        var secret = RandomNumberGenerator.GetBytes(49);

        // Tokens are the framework's until the site key has been read (in the background); then they are the site's.
        var ours = protector.Protect(secret);
        for (var until = DateTime.UtcNow.AddSeconds(10); ours[0] != AntiforgeryTokenProtector.FormatVersion && DateTime.UtcNow < until;)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            ours = protector.Protect(secret);
        }

        Assert.True(ours[0] == AntiforgeryTokenProtector.FormatVersion, $"After 10 s the protector still made tokens starting 0x{ours[0]:X2}, not the site's 0x{AntiforgeryTokenProtector.FormatVersion:X2}: the site key never loaded.");
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
}
