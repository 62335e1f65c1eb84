using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Features.Comments;

/// <summary>The comment rules in force right now.</summary>
public sealed class CommentRulesSource
{
    private readonly IOptionsMonitor<CommentOptions> _options;

    public CommentRulesSource(IOptionsMonitor<CommentOptions> options) => _options = options;

    public Task<CommentOptions> GetAsync(CancellationToken cancellationToken) => Task.FromResult(_options.CurrentValue);

    /// <summary>An article takes comments when its own switch is on and auto-close has not passed.</summary>
    public static bool IsOpen(bool articleCommentsOpen, DateTime publishedAtUtc, DateTime utcNow, CommentOptions rules) =>
        articleCommentsOpen && (rules.AutoCloseAfterDays == 0 || utcNow - publishedAtUtc < TimeSpan.FromDays(rules.AutoCloseAfterDays));
}
