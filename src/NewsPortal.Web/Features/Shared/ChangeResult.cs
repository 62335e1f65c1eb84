namespace NewsPortal.Web.Features.Shared;

/// <summary>What a change on a newsroom page (a section, a byline) came to: done, refused with a message per field, or nothing to change (no such id).</summary>
public sealed record ChangeResult(bool NotFound, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly ChangeResult Done = new(false, new Dictionary<string, string>());
    public static readonly ChangeResult Missing = new(true, new Dictionary<string, string>());

    public bool Succeeded => !NotFound && Errors.Count == 0;

    public static ChangeResult Error(string field, string message) => new(false, new Dictionary<string, string> { [field] = message });
}
