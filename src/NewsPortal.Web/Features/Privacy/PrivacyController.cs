using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Notifications;

namespace NewsPortal.Web.Features.Privacy;

/// <summary>
/// The privacy notice, and a commenter's own export or erasure: the form mails a signed link to the address, and only
/// the link (no account) opens the export or the erasure, each behind a button. The answer to the form is the same
/// whether or not the site holds anything for the address, so it tells nobody who has commented; the form is limited
/// per client (<c>Privacy:RequestsPerHourPerIp</c>) and mails one address at most once per <c>Privacy:MailCooldownMinutes</c>.
/// </summary>
[Route("privacy")]
public sealed class PrivacyController(PrivacyService privacy, CommenterErasure erasure, LinkSigner signer, IOptions<PrivacyOptions> options) : SignedLinkController(signer)
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly PrivacyOptions _options = options.Value;

    protected override string ExpiredAdvice => "Ask again on the privacy page: a new link will be mailed to you.";

    protected override string InvalidAdvice => "The link may have been cut short when it was copied. Open it from the e-mail again, or ask again on the privacy page.";

    [HttpGet("")]
    public IActionResult Index() => View("~/Features/Privacy/Index.cshtml", new PrivacyPageViewModel(_options.RetainClientDataDays, _options.EraseKeepsText, new PrivacyRequestForm(), false, _options.MailCooldownMinutes));

    [HttpPost("")]
    [EnableRateLimiting(PrivacyRateLimiting.PolicyName)]
    public async Task<IActionResult> SendLink(PrivacyRequestForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("~/Features/Privacy/Index.cshtml", new PrivacyPageViewModel(_options.RetainClientDataDays, _options.EraseKeepsText, form, false, _options.MailCooldownMinutes));
        }

        await privacy.RequestAsync(CommentText.CleanEmail(form.Email), form.Request == "erase", cancellationToken);
        return View("~/Features/Privacy/Index.cshtml", new PrivacyPageViewModel(_options.RetainClientDataDays, _options.EraseKeepsText, new PrivacyRequestForm(), true, _options.MailCooldownMinutes));
    }

    /// <summary>
    /// The mailed link shows a button first: mail scanners and link previews fetch links, and the data must go only to
    /// the person who presses it. Links mailed before this page existed carry the same token and land here too.
    /// </summary>
    [HttpGet("export")]
    public Task<IActionResult> Export([FromQuery(Name = "t")] string? token) =>
        ButtonPageAsync(PrivacyService.ExportPurpose, token, "Get a copy of your data",
            "Press the button to download everything we hold about your address (your comments and their earlier versions, IP addresses, browsers, reply notices and reports) as a JSON file.", "Download my data");

    [HttpPost("export")]
    public Task<IActionResult> ExportPost([FromQuery(Name = "t")] string? token, CancellationToken cancellationToken) =>
        WithLinkAsync(PrivacyService.ExportPurpose, token, async email =>
        {
            var export = await privacy.ExportAsync(email, cancellationToken);
            Response.Headers.ContentDisposition = "attachment; filename=\"my-comments.json\"";
            Response.Headers.CacheControl = "no-store";
            return Content(JsonSerializer.Serialize(export, ExportJson), "application/json; charset=utf-8");
        });

    [HttpGet("erase")]
    public Task<IActionResult> Erase([FromQuery(Name = "t")] string? token) =>
        ButtonPageAsync(PrivacyService.ErasePurpose, token, "Erase your data", "Press the button to remove your name, e-mail, IP address and browser from every comment you posted"
            + (_options.EraseKeepsText ? " (the text stays, under the name “Deleted”)" : " and remove their text")
            + ", with every earlier version of their text, and to stop every reply notice. This cannot be undone.", "Erase my data");

    [HttpPost("erase")]
    public Task<IActionResult> ErasePost([FromQuery(Name = "t")] string? token, CancellationToken cancellationToken) =>
        WithLinkAsync(PrivacyService.ErasePurpose, token, async email =>
        {
            var count = await erasure.EraseAsync(email, "the commenter, by a signed link", cancellationToken);
            return MailPage("Your data is erased", (count == 1 ? "1 comment was anonymised" : $"{count} comments were anonymised")
                + ", their earlier versions and any mail quoting them removed, and your reply notices stopped.");
        });
}

public sealed class PrivacyRequestForm
{
    [Display(Name = "Your e-mail address")]
    [Required(ErrorMessage = "Please enter the e-mail address you comment with")]
    [StringLength(FieldLengths.CommentEmail, ErrorMessage = "You have entered an incorrect email address!")]
    [RegularExpression(CommentForm.EmailPattern, ErrorMessage = "You have entered an incorrect email address!")]
    [MailAddress]
    public string? Email { get; set; }

    /// <summary><c>export</c> or <c>erase</c>.</summary>
    [Required(ErrorMessage = "Choose what you would like")]
    [RegularExpression("^(export|erase)$", ErrorMessage = "Choose what you would like")]
    public string? Request { get; set; } = "export";
}

public sealed record PrivacyPageViewModel(int RetainDays, bool EraseKeepsText, PrivacyRequestForm Form, bool Sent, int MailCooldownMinutes);
