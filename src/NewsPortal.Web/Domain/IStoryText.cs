namespace NewsPortal.Web.Domain;

/// <summary>
/// A story's text and picture, wherever a copy of it is kept: the article itself, each of its revisions, and an
/// editor's autosave. Every copy is stored with the same lengths, so any of them fits back into the article.
/// </summary>
public interface IStoryText
{
    string? Headline { get; }
    string? Standfirst { get; }
    string? BodyHtml { get; }
    string? HeroImageUrl { get; }
    string? HeroImageAlt { get; }
    string? HeroImageCaption { get; }
}
