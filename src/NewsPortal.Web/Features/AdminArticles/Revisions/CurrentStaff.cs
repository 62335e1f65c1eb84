namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <param name="Id">The Identity user id.</param>
/// <param name="Name">The sign-in name (their e-mail address).</param>
/// <param name="DisplayName">What colleagues see, e.g. "Ana Ruiz".</param>
public sealed record StaffMember(string Id, string Name, string DisplayName);

/// <summary>The signed-in member of staff of this request, as the newsroom's history names them.</summary>
public sealed class CurrentStaff(IHttpContextAccessor http, NewsDbContext db)
{
    private StaffMember? _member;

    public async Task<StaffMember> GetAsync(CancellationToken cancellationToken)
    {
        if (_member is not null)
        {
            return _member;
        }

        var user = http.HttpContext?.User ?? throw new InvalidOperationException("The newsroom's history is written only during a staff member's request.");
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request has no signed-in staff member.");
        var name = user.Identity?.Name ?? id;
        var displayName = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        _member = new StaffMember(id, name, string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim());
        return _member;
    }
}
