namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// Pages a signed link in an e-mail opens, without signing in. The GET only shows a page with a button (mail scanners
/// and link previews fetch links); the POST the button sends does the work. A link that is expired or not valid gets
/// 400 and a page saying what to do, in the words of the page that mailed it.
/// </summary>
public abstract class SignedLinkController(LinkSigner signer) : Controller
{
    /// <summary>What to do when a link has expired: where to ask for a new one.</summary>
    protected abstract string ExpiredAdvice { get; }

    /// <summary>What to do when a link is not valid (most often cut short when it was copied).</summary>
    protected abstract string InvalidAdvice { get; }

    /// <summary>The GET: the page with the button that does what the link stands for, or the refusal.</summary>
    protected async Task<IActionResult> ButtonPageAsync(string purpose, string? token, string title, string message, string button) =>
        await WithLinkAsync(purpose, token, _ => Task.FromResult<IActionResult>(MailPage(title, message, button, token)));

    /// <summary>Runs <paramref name="then"/> with the link's subject when the link is valid; otherwise the refusal.</summary>
    protected async Task<IActionResult> WithLinkAsync(string purpose, string? token, Func<string, Task<IActionResult>> then)
    {
        var (check, subject) = await signer.CheckAsync(purpose, token);
        return check == LinkCheck.Valid ? await then(subject!) : Refused(check);
    }

    protected ViewResult MailPage(string title, string message, string? button = null, string? token = null) =>
        View("~/Features/Notifications/MailLink.cshtml", new MailLinkViewModel(title, message, button, token));

    protected ViewResult Refused(LinkCheck check)
    {
        var view = MailPage(
            check == LinkCheck.Expired ? "This link has expired" : "This link is not valid",
            check == LinkCheck.Expired ? ExpiredAdvice : InvalidAdvice);
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}

public sealed record MailLinkViewModel(string Title, string Message, string? Button, string? Token);
