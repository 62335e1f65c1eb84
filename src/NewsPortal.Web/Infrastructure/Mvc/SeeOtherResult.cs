namespace NewsPortal.Web.Infrastructure.Mvc;

/// <summary>
/// 303 See Other: the right answer to a successful form POST (Post/Redirect/Get), since it tells every client
/// to follow with a GET. The target is written percent-encoded (<see cref="LocalRedirects.Encode"/>).
/// </summary>
public sealed class SeeOtherResult(string location) : ActionResult
{
    public string Location { get; } = location;

    public override void ExecuteResult(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = LocalRedirects.Encode(Location);
    }
}
