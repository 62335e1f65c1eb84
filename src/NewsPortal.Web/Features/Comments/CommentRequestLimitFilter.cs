using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// Refuses an oversized comment post before its body is read (413), and caps the body for clients that do
/// not announce a length, so nobody can make the server buffer megabytes of "comment".
/// </summary>
public sealed class CommentRequestLimitFilter : IResourceFilter
{
    private readonly IOptionsMonitor<CommentOptions> _options;

    public CommentRequestLimitFilter(IOptionsMonitor<CommentOptions> options) => _options = options;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var limit = _options.CurrentValue.MaxRequestBytes;
        var http = context.HttpContext;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
