namespace NewsPortal.Web.Domain;

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Rejected = 3,
    Trash = 4,
}
