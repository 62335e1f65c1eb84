namespace NewsPortal.Web.Features.Errors;

/// <summary>
/// The friendly pages behind status-code re-execution and the exception handler. They never show exception
/// details; those go to the log.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    /// <remarks>
    /// No parameters on purpose: re-executing a failed POST keeps its body, and MVC reads the form for any action that
    /// binds parameters (whatever their source). A form the form reader refused (a NUL, too many fields) then made
    /// the error page itself fail, and the reader got a 500 instead of this 400. The code is read from the route.
    /// </remarks>
    [Route("/error/{code:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Index()
    {
        int? code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
        var status = code ?? StatusCodes.Status500InternalServerError;
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error is { } error && DatabaseErrors.IsBusy(error))
        {
            // A write that gave up waiting for the database: nothing was changed, and trying again will work.
            status = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "10";
        }

        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            // Requested directly: not an error of the reader's making.
            status = code is >= 400 and < 600 ? code.Value : StatusCodes.Status404NotFound;
        }

        Response.StatusCode = status;
        return View("Error", new ErrorViewModel(status));
    }
}

public sealed record ErrorViewModel(int StatusCode)
{
    public string Title => StatusCode switch
    {
        400 => "That request could not be understood",
        403 => "You do not have access to this page",
        404 => "Page not found",
        405 => "This page cannot do that",
        408 => "That took too long to arrive",
        410 => "This link no longer works",
        413 => "That is too much to send",
        429 => "Too many requests",
        503 => "The site is very busy",
        _ => "Something went wrong",
    };

    public string Message => StatusCode switch
    {
        400 => "The form may have expired. Go back, reload the page and try again.",
        403 => "Your account does not have permission to see this page.",
        404 => "The page you were looking for does not exist or is no longer available.",
        405 => "This address can be read, not sent to or changed. Go back and follow a link instead.",
        408 => "What you sent arrived too slowly, so it was not used. Please try again.",
        410 => "The link has expired or was withdrawn. Ask whoever sent it to you for a new one.",
        413 => "What you sent is larger than this form accepts, so it was not used. Shorten it and try again.",
        429 => "You have sent a lot of requests in a short time. Please wait a minute and try again.",
        503 => "Your change could not be saved just now, and nothing was changed. Go back and try again in a moment.",
        _ => "We could not show this page just now. Please try again in a moment.",
    };
}
