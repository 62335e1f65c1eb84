namespace NewsPortal.Web.Features.AdminMedia;

[Authorize(Policy = Policies.Newsroom)]
[Route("admin/media")]
public sealed class AdminMediaController(MediaLibrary library, IOptions<MediaOptions> options) : Controller
{
    private readonly MediaOptions _options = options.Value;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken) =>
        View(await ListAsync(q, [], cancellationToken));

    /// <summary>The editor's image picker (JSON): ready images with alt text, newest first, searched like the library.</summary>
    [HttpGet("picker")]
    public async Task<IActionResult> Picker(string? q, CancellationToken cancellationToken) =>
        Json(await library.PickerAsync(q, cancellationToken));

    [HttpPost("")]
    [ServiceFilter(typeof(MediaUploadLimit))]
    public async Task<IActionResult> Upload([FromServices] UploadMedia upload, CancellationToken cancellationToken)
    {
        // Read from the form the limit filter has already read; binding IFormFile would not refuse more.
        // A file input left empty still sends a part, with no name and no bytes.
        var files = Request.HasFormContentType
            ? (await Request.ReadFormAsync(cancellationToken)).Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList()
            : [];
        if (files.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await ListAsync(null, ["Choose at least one image to upload."], cancellationToken));
        }

        var (uploaded, refusals) = await upload.UploadAsync(files, _options.MaxUploadBytes, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (refusals.Count == 0)
        {
            TempData["Flash"] = uploaded == 1
                ? "Uploaded 1 image. Its sizes are being made; add its alt text meanwhile."
                : $"Uploaded {uploaded} images. Their sizes are being made; add their alt text meanwhile.";
            return new SeeOtherResult("/admin/media");
        }

        if (uploaded == 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        var model = await ListAsync(null, refusals, cancellationToken);
        return View("Index", new MediaLibraryViewModel { Items = model.Items, Refusals = refusals, Uploaded = uploaded, MaxUploadBytes = model.MaxUploadBytes });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await library.DetailsAsync(id, null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, MediaDetailsForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await library.DetailsAsync(id, form, cancellationToken) is { } model ? View("Details", model) : NotFound();
        }

        if (!await library.UpdateAsync(id, form, cancellationToken))
        {
            return NotFound();
        }

        TempData["Flash"] = "Saved.";
        return new SeeOtherResult($"/admin/media/{id}");
    }

    /// <summary>Refused (409, the reason on the image's page) while a published or scheduled article uses it.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, [FromServices] DeleteMedia delete, CancellationToken cancellationToken)
    {
        var outcome = await delete.DeleteAsync(id, cancellationToken);
        if (outcome.Deleted)
        {
            TempData["Flash"] = "Image deleted.";
            return new SeeOtherResult("/admin/media");
        }

        if (outcome.Refusal is null || await library.DetailsAsync(id, null, cancellationToken) is not { } model)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Details", new MediaDetailsViewModel
        {
            Item = model.Item,
            Form = model.Form,
            Variants = model.Variants,
            Uses = model.Uses,
            HeroAddress = model.HeroAddress,
            DeleteRefusal = outcome.Refusal,
        });
    }

    private async Task<MediaLibraryViewModel> ListAsync(string? q, IReadOnlyList<string> refusals, CancellationToken cancellationToken) => new()
    {
        Search = q,
        Items = await library.ListAsync(q, cancellationToken),
        Refusals = refusals,
        MaxUploadBytes = _options.MaxUploadBytes,
    };
}
