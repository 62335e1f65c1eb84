namespace NewsPortal.Web.Domain;

public enum ArticleStatus
{
    Draft = 0,

    /// <summary>Has a publish time in the future; becomes visible by itself when that time passes.</summary>
    Scheduled = 1,

    Published = 2,
}
