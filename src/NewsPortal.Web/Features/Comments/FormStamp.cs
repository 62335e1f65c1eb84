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
/// "This form (<see cref="CommentForm"/> or <see cref="ReportForm"/>) for article A was rendered at T", signed with a
/// keyed HMAC-SHA256: <c>{unix seconds}.{article}.{nonce}.{ring key}.{mac}</c> (the nonce makes every visitor's
/// stamp their own; the form is inside the MAC, so one form's stamp fails the other's check). Bots that post
/// instantly, forge a time, move a stamp to another article or form or replay an old one are caught without a
/// CAPTCHA, for about a microsecond per stamp. The key is derived from the data-protection key ring
/// (<see cref="KeyRingKeys"/>), so a stamp made by one instance is read by every other, also after a restart, and
/// the stamp names the ring key it was made under. Stamps of the previous format
/// (<c>{unix}.{article}.{nonce}.{mac}</c>, keyed from <see cref="SiteSecretStore"/>, bound to no form) are still
/// read while that key exists; they expire within <see cref="CommentOptions.FormStampMaxAgeHours"/>.
/// </summary>
public sealed class FormStamp(KeyRingKeys keys, SiteSecretStore legacy, TimeProvider time, IOptionsMonitor<CommentOptions> options)
{
    /// <summary>The purpose of the comment form's stamps.</summary>
    public const string CommentForm = "comment";

    /// <summary>The purpose of the report form's stamps.</summary>
    public const string ReportForm = "report";

    private const string KeyPurpose = "comment-form-stamp";

    public async ValueTask<string> IssueAsync(int articleId, string form)
    {
        var (keyId, key) = keys.Current(KeyPurpose) ?? await keys.CurrentAsync(KeyPurpose);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        var payload = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow().ToUnixTimeSeconds()}.{articleId}.{nonce}.{keyId:N}");
        return payload + "." + Mac(key, form + ":" + payload);
    }

    public async ValueTask<StampCheck> CheckAsync(string? stamp, int articleId, string form)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return new(StampVerdict.Missing, TimeSpan.Zero);
        }

        var parts = stamp.Split('.');
        if (parts.Length is not (4 or 5)
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var stampedArticle)
            || stampedArticle != articleId
            || issued > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return new(StampVerdict.Forged, TimeSpan.Zero);
        }

        string? expected;
        if (parts.Length == 5)
        {
            expected = Guid.TryParseExact(parts[3], "N", out var keyId) && await keys.FindAsync(keyId, KeyPurpose) is { } key
                ? Mac(key, $"{form}:{parts[0]}.{parts[1]}.{parts[2]}.{parts[3]}")
                : null;
        }
        else
        {
            expected = await legacy.FindAsync(SiteSecretStore.FormStampKey) is { } legacyKey
                ? Mac(legacyKey, $"{parts[0]}.{parts[1]}.{parts[2]}")
                : null;
        }

        if (expected is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[^1])))
        {
            return new(StampVerdict.Forged, TimeSpan.Zero);
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age > TimeSpan.FromHours(options.CurrentValue.FormStampMaxAgeHours)
            ? new(StampVerdict.Expired, age)
            : new(StampVerdict.Valid, age);
    }

    private static string Mac(byte[] key, string payload) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)), 0, 18)
            .Replace('+', '-').Replace('/', '_');
}
