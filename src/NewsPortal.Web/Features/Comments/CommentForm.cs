namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// What a reader posts. The attributes drive both the server's validation and the browser's (unobtrusive
/// data-val-* attributes), so the messages and limits are the same in both places.
/// </summary>
public sealed class CommentForm
{
    /// <summary>
    /// Deliberately simple: something@something.tld, no spaces. Identical in .NET and JavaScript. Every form that takes
    /// an address also carries <see cref="MailAddressAttribute"/> (server side), which asks the mailer itself.
    /// </summary>
    public const string EmailPattern = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";

    [Display(Name = "Name")]
    [Required(ErrorMessage = "Please enter your name here")]
    [StringLength(FieldLengths.CommentName, ErrorMessage = "Please keep your name under {1} characters.")]
    public string? Name { get; set; }

    [Display(Name = "Email")]
    [Required(ErrorMessage = "Please enter your email address here")]
    [StringLength(FieldLengths.CommentEmail, ErrorMessage = "You have entered an incorrect email address!")]
    [RegularExpression(EmailPattern, ErrorMessage = "You have entered an incorrect email address!")]
    [MailAddress]
    public string? Email { get; set; }

    [Display(Name = "Comment")]
    [Required(ErrorMessage = "Please enter your comment!")]
    [StringLength(FieldLengths.CommentBody, ErrorMessage = "Please keep your comment under {1} characters.")]
    public string? Body { get; set; }

    /// <summary>"E-mail me when someone replies" (checkbox, value <c>true</c>; double opt-in).</summary>
    public bool NotifyReplies { get; set; }

    /// <summary>The comment this one replies to, if any.</summary>
    public int? ParentId { get; set; }

    /// <summary>Honeypot: hidden from people, irresistible to form-filling bots. Must come back empty.</summary>
    [StringLength(FieldLengths.CommentName)]
    public string? Website { get; set; }

    /// <summary>When the form was rendered, signed by the server so it cannot be forged.</summary>
    [StringLength(500)]
    public string? Stamp { get; set; }
}
