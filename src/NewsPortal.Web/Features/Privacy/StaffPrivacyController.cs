using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Privacy;

/// <summary>A commenter's export or erasure done by staff from the queue (asked by post or phone, say).</summary>
[Authorize(Policy = Policies.Moderation)]
[Route("admin/comments/{id:int}")]
public sealed class StaffPrivacyController(PrivacyService privacy) : Controller
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [HttpGet("export")]
    public async Task<IActionResult> Export(int id, CancellationToken cancellationToken)
    {
        if (await privacy.EmailOfCommentAsync(id, cancellationToken) is not { } email)
        {
            return NotFound();
        }

        Response.Headers.ContentDisposition = "attachment; filename=\"commenter-data.json\"";
        Response.Headers.CacheControl = "no-store";
        return Content(JsonSerializer.Serialize(await privacy.ExportAsync(email, cancellationToken), ExportJson), "application/json; charset=utf-8");
    }

    [HttpPost("erase")]
    public async Task<IActionResult> Erase(int id, [FromServices] CommenterErasure erasure, CancellationToken cancellationToken)
    {
        if (await privacy.EmailOfCommentAsync(id, cancellationToken) is not { } email)
        {
            TempData["Warning"] = "There is no commenter's data left to erase on this comment.";
            return new SeeOtherResult($"/admin/comments/{id}");
        }

        var count = await erasure.EraseAsync(email, User.StaffName(), cancellationToken);
        TempData["Flash"] = count == 1 ? "The commenter's data was erased from 1 comment." : $"The commenter's data was erased from {count} comments.";
        return new SeeOtherResult($"/admin/comments/{id}");
    }
}
