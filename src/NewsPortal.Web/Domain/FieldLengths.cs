namespace NewsPortal.Web.Domain;

/// <summary>
/// Every length limit in one place: EF column sizes, form validation and request limits all read from here,
/// so the browser, the server and the database always agree.
/// </summary>
public static class FieldLengths
{
    /// <summary>Text cut to fit a column of <paramref name="max"/> characters, the cut marked with an ellipsis.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public const int Slug = 160;
    public const int Headline = 200;
    public const int Standfirst = 400;
    public const int ArticleBody = 200_000;
    public const int ImageUrl = 400;
    public const int ImageAlt = 250;
    public const int ImageCaption = 300;
    public const int CategoryName = 60;
    public const int TagName = 60;
    public const int AuthorName = 100;
    public const int AuthorBio = 500;
    public const int AuthorTitle = 100;
    public const int SectionDescription = 300;

    /// <summary>A byline's links, one URL a line.</summary>
    public const int AuthorLinks = 2_000;

    /// <summary>Co-authors an article may have after its first byline.</summary>
    public const int CoAuthorsMax = 8;

    /// <summary>Room for <see cref="CoAuthorsMax"/> ids, comma-separated.</summary>
    public const int CoAuthorIdList = 100;

    public const int CommentName = 100;
    public const int CommentEmail = 254;
    public const int CommentBody = 5_000;

    /// <summary>A sanitized body grows (entities, link attributes); the column leaves room for that growth.</summary>
    public const int CommentBodyHtml = 20_000;

    public const int IpAddress = 45;
    public const int UserAgent = 512;
    public const int StatusReason = 300;
    public const int SearchQuery = 100;

    public const int StaffEmail = 256;
    public const int StaffDisplayName = 100;
    public const int HistoryNote = 200;

    /// <summary>A revision's list of the fields that changed, e.g. "Headline, Body, Status".</summary>
    public const int RevisionChangedFields = 200;

    /// <summary>A revision's bylines as names, e.g. "Ana Ruiz and Tom Berg".</summary>
    public const int RevisionBylines = 500;

    public const int AutosaveTags = 500;
    public const int ReportExplanation = 1_000;
    public const int DecisionGround = 80;
    public const int DecisionStatement = 1_000;

    public const int ReviewNote = 2_000;
    public const int ArticleNoteText = 2_000;
    public const int ArticleEventKind = 40;

    public const int MailKind = 40;
    public const int MailSubject = 300;
    public const int MailUrl = 2_000;
    public const int MailMessageId = 200;
    public const int MailError = 1_000;

    /// <summary>Each list on the comment settings page (keywords, blocklists), as text with one entry a line.</summary>
    public const int SettingsList = 20_000;

    public const int SettingsChangeSummary = 300;

    /// <summary>A keyed hash of an address, as lowercase hex (HMAC-SHA256).</summary>
    public const int AddressKey = 64;

    /// <summary>NIST SP 800-63B: at least this long, no composition rules.</summary>
    public const int PasswordMin = 12;

    public const int PasswordMax = 256;
}
