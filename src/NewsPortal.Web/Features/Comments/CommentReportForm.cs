namespace NewsPortal.Web.Features.Comments;

/// <summary>What a reader posts to report a comment.</summary>
public sealed class CommentReportForm : IValidatableObject
{
    public const string ExplanationRequiredMessage = "Please say which law the comment breaks, or why it is illegal.";

    [Display(Name = "Why are you reporting this comment?")]
    [Required(ErrorMessage = "Please choose a reason.")]
    [StringLength(20)]
    public string? Reason { get; set; }

    [Display(Name = "Explanation")]
    [StringLength(FieldLengths.ReportExplanation, ErrorMessage = "Please keep your explanation under {1} characters.")]
    public string? Explanation { get; set; }

    [Display(Name = "Your email (optional)")]
    [StringLength(FieldLengths.CommentEmail, ErrorMessage = "You have entered an incorrect email address!")]
    [RegularExpression(CommentForm.EmailPattern, ErrorMessage = "You have entered an incorrect email address!")]
    [MailAddress]
    public string? Email { get; set; }

    /// <summary>Honeypot, as on the comment form: must come back empty.</summary>
    [StringLength(FieldLengths.CommentName)]
    public string? Website { get; set; }

    /// <summary>When the form was rendered, signed by the server (<see cref="FormStamp"/>).</summary>
    [StringLength(500)]
    public string? Stamp { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var reason = ReportReasons.Parse(Reason);
        if (Reason is not null && reason is null)
        {
            yield return new ValidationResult("Please choose one of the reasons listed.", [nameof(Reason)]);
        }

        if (reason == ReportReason.Illegal && string.IsNullOrWhiteSpace(Explanation))
        {
            yield return new ValidationResult(ExplanationRequiredMessage, [nameof(Explanation)]);
        }
    }
}

/// <summary>The reasons as the form sends them, and as moderators read them.</summary>
public static class ReportReasons
{
    public static readonly IReadOnlyList<(ReportReason Reason, string Value, string Label)> All =
    [
        (ReportReason.Spam, "spam", "Spam or advertising"),
        (ReportReason.Abuse, "abuse", "Abuse or harassment"),
        (ReportReason.OffTopic, "off-topic", "Off-topic"),
        (ReportReason.Illegal, "illegal", "Illegal content"),
        (ReportReason.Other, "other", "Something else"),
    ];

    public static ReportReason? Parse(string? value) =>
        All.FirstOrDefault(r => string.Equals(r.Value, value?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } match
            ? match.Reason
            : null;

    public static string Label(ReportReason reason) => All.First(r => r.Reason == reason).Label;
}
