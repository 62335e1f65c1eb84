namespace NewsPortal.Web.Domain;

/// <summary>An address a page (a section, a byline) had before it was renamed, which now answers 301 to the page.</summary>
public interface ISlugRedirect
{
    string OldSlug { get; }
}
