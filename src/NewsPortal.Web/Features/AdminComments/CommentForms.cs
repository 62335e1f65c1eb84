namespace NewsPortal.Web.Features.AdminComments;

public sealed class CommentEditForm
{
    [Display(Name = "Comment text")]
    [Required(ErrorMessage = "A comment cannot be empty. Trash it instead.")]
    [StringLength(FieldLengths.CommentBody, ErrorMessage = "Please keep the comment under {1} characters.")]
    public string? Body { get; set; }

    /// <summary>The version the moderator was looking at; a newer one means someone else got there first.</summary>
    public int Version { get; set; }
}

public sealed class StaffReplyForm
{
    [Display(Name = "Your reply")]
    [Required(ErrorMessage = "Please write your reply.")]
    [StringLength(FieldLengths.CommentBody, ErrorMessage = "Please keep your reply under {1} characters.")]
    public string? Body { get; set; }
}
