using Microsoft.AspNetCore.Mvc;

namespace NewsPortal.Web.Infrastructure.Mvc;

/// <summary>
/// 303 See Other: the right answer to a successful form POST (Post/Redirect/Get), since it tells every client
/// to follow with a GET. The target is written percent-encoded (<see cref="LocalRedirects.Encode"/>).
/// </summary>
public sealed class SeeOtherResult : ActionResult
{
    public SeeOtherResult(string location) => Location = location;

    public string Location { get; }

    public override void ExecuteResult(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = LocalRedirects.Encode(Location);
    }
}
