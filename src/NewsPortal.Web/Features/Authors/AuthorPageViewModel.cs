using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Authors;

/// <summary>A byline's public page; shared through the reader cache, so immutable.</summary>
[ImmutableObject(true)]
public sealed class AuthorPageViewModel
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Title { get; init; }
    public string? Bio { get; init; }
    public BylinePhoto? Photo { get; init; }
    public IReadOnlyList<string> Links { get; init; } = [];
    public required PagedList<ArticleSummary> Articles { get; init; }

    public string Initials => string.Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    /// <summary>The meta description: the title and bio when there are any, else a sentence naming them.</summary>
    public string Description => (Title, Bio) switch
    {
        (not null, not null) => $"{Name}, {Title}. {Bio}",
        (not null, null) => $"{Name}, {Title}: articles and analysis.",
        (null, not null) => $"{Name}. {Bio}",
        _ => $"Articles by {Name}.",
    };
}

/// <summary>What <c>/author/{slug}</c> answers: the page, a move to the byline's current slug, or nothing.</summary>
[ImmutableObject(true)]
public sealed record AuthorPageAnswer(AuthorPageViewModel? Page, string? MovedTo);
