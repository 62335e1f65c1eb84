namespace NewsPortal.Web.Features.AdminMedia;

/// <summary>
/// The upload's size limit, applied before anything reads the body: an authorization filter, so it runs before the
/// antiforgery check (which reads the whole form). An announced length over <c>Media:MaxUploadBytes</c> (plus room for
/// the form's other fields) is answered 413 unread; a body without a length is read under the same limit, and
/// Kestrel's verdict (413 past it, 400 cut short) is the answer, never a 500.
/// </summary>
public sealed class MediaUploadLimit(IOptions<MediaOptions> options) : IAsyncAuthorizationFilter
{
    /// <summary>The antiforgery token, the multipart framing and the file parts' headers.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    private readonly long _limit = options.Value.MaxUploadBytes + FormOverheadBytes;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength > _limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = _limit;
        }

        if (!request.HasFormContentType)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = _limit, ValueCountLimit = 64 }, context.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            context.Result = new StatusCodeResult(ex.StatusCode);
        }
        catch (InvalidDataException)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}
