using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.Security;

namespace NewsPortal.Web.Features.Comments;

/// <summary>What a posted form stamp says about its form.</summary>
public enum StampVerdict
{
    /// <summary>Rendered by this site for this article, within the maximum age.</summary>
    Valid,

    Missing,

    /// <summary>Not made by this site, or made for another article.</summary>
    Forged,

    /// <summary>Older than <see cref="CommentOptions.FormStampMaxAgeHours"/>: a replayed or long-abandoned form.</summary>
    Expired,
}

public readonly record struct StampCheck(StampVerdict Verdict, TimeSpan Age);

/// <summary>
/// "This form for article A was rendered at T", signed with a keyed HMAC-SHA256:
/// <c>{unix seconds}.{article}.{nonce}.{mac}</c> (the nonce makes every visitor's stamp their own).
/// Bots that post instantly, forge a time, move a stamp to another article or replay an old one are caught
/// without a CAPTCHA, for about a microsecond per stamp. The key lives in the database (<see cref="SiteSecretStore"/>),
/// so a stamp made by one instance is read by every other, also after a restart.
/// </summary>
public sealed class FormStamp
{
    private const string SecretName = "comment-form-stamp";
    private readonly SiteSecretStore _secrets;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<CommentOptions> _options;

    public FormStamp(SiteSecretStore secrets, TimeProvider time, IOptionsMonitor<CommentOptions> options)
    {
        _secrets = secrets;
        _time = time;
        _options = options;
    }

    public async ValueTask<string> IssueAsync(int articleId)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        var payload = string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow().ToUnixTimeSeconds()}.{articleId}.{nonce}");
        return payload + "." + Mac(await _secrets.GetAsync(SecretName), payload);
    }

    public async ValueTask<StampCheck> CheckAsync(string? stamp, int articleId)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return new(StampVerdict.Missing, TimeSpan.Zero);
        }

        var parts = stamp.Split('.');
        if (parts.Length != 4
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var stampedArticle)
            || stampedArticle != articleId
            || issued > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return new(StampVerdict.Forged, TimeSpan.Zero);
        }

        var expected = Mac(await _secrets.GetAsync(SecretName), $"{parts[0]}.{parts[1]}.{parts[2]}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[3])))
        {
            return new(StampVerdict.Forged, TimeSpan.Zero);
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age > TimeSpan.FromHours(_options.CurrentValue.FormStampMaxAgeHours)
            ? new(StampVerdict.Expired, age)
            : new(StampVerdict.Valid, age);
    }

    private static string Mac(byte[] key, string payload) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)), 0, 18)
            .Replace('+', '-').Replace('/', '_');
}
