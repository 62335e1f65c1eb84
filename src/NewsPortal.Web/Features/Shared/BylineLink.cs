namespace NewsPortal.Web.Features.Shared;

/// <summary>A byline as a link to its author page.</summary>
[ImmutableObject(true)]
public sealed record BylineLink(string Name, string Slug);
