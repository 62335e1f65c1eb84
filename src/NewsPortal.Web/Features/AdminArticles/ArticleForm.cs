namespace NewsPortal.Web.Features.AdminArticles;

public sealed class ArticleForm : Revisions.IArticleDraft
{
    public const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    [Display(Name = "Headline")]
    [Required(ErrorMessage = "Every article needs a headline.")]
    [StringLength(FieldLengths.Headline, ErrorMessage = "Keep the headline under {1} characters.")]
    public string? Headline { get; set; }

    [Display(Name = "URL slug (leave empty to make one from the headline)")]
    [StringLength(FieldLengths.Slug, ErrorMessage = "Keep the slug under {1} characters.")]
    [RegularExpression(SlugPattern, ErrorMessage = "Use lowercase letters, digits and single hyphens, e.g. city-council-votes.")]
    public string? Slug { get; set; }

    [Display(Name = "Standfirst")]
    [Required(ErrorMessage = "Write a one- or two-sentence standfirst.")]
    [StringLength(FieldLengths.Standfirst, ErrorMessage = "Keep the standfirst under {1} characters.")]
    public string? Standfirst { get; set; }

    [Display(Name = "Body (HTML)")]
    [Required(ErrorMessage = "The article has no body yet.")]
    [StringLength(FieldLengths.ArticleBody, ErrorMessage = "The body is longer than {1} characters.")]
    public string? BodyHtml { get; set; }

    [Display(Name = "Section")]
    [Range(1, int.MaxValue, ErrorMessage = "Choose a section.")]
    public int CategoryId { get; set; }

    [Display(Name = "Byline")]
    [Range(1, int.MaxValue, ErrorMessage = "Choose the author.")]
    public int AuthorId { get; set; }

    /// <summary>Further bylines after <see cref="AuthorId"/>, in order; 0 (an empty select) is skipped.</summary>
    [Display(Name = "Co-authors")]
    public List<int> CoAuthorIds { get; set; } = [];

    [Display(Name = "Tags (comma-separated)")]
    [StringLength(500)]
    public string? Tags { get; set; }

    [Display(Name = "Hero image URL (a path on this site, e.g. /images/articles/harbour.svg, or https:// on an allowed image site)")]
    [StringLength(FieldLengths.ImageUrl)]
    [RegularExpression(@"^(/[^/\s][^\s]*|https://[^\s]+)$", ErrorMessage = "Use a path on this site starting with / or an https:// address.")]
    public string? HeroImageUrl { get; set; }

    [Display(Name = "Image alt text (what the image shows)")]
    [StringLength(FieldLengths.ImageAlt)]
    public string? HeroImageAlt { get; set; }

    [Display(Name = "Image caption")]
    [StringLength(FieldLengths.ImageCaption)]
    public string? HeroImageCaption { get; set; }

    [Display(Name = "Comments open")]
    public bool CommentsOpen { get; set; } = true;

    /// <summary>Local time in the site's time zone; used when scheduling.</summary>
    [Display(Name = "Publish at (site time, for scheduling)")]
    [DataType(DataType.DateTime)]
    public DateTime? PublishAt { get; set; }

    /// <summary>
    /// Which of the two UTC offsets (e.g. <c>+01:00</c>) is meant when <see cref="PublishAt"/> happens twice, in the
    /// hour repeated when the clocks go back; the editor is asked to choose, and nothing else reads it.
    /// </summary>
    [StringLength(6)]
    public string? PublishAtOffset { get; set; }

    /// <summary>
    /// The story's edit version when this editor opened it (a hidden field): a save from an older version is a
    /// conflict and overwrites nothing (Revisions/ArticleConflicts). Null from a client that does not say.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int? OpenedAtVersion { get; set; }

    /// <summary>Set by the conflict page: the editor chose to save their text over a colleague's (which stays a revision).</summary>
    public bool KeepMine { get; set; }

    /// <summary>What a reporter tells the editor when submitting (intent <c>submit</c>).</summary>
    [Display(Name = "Note to the editor")]
    [StringLength(FieldLengths.ReviewNote, ErrorMessage = "Keep the note under {1} characters.")]
    public string? ReviewNote { get; set; }

    /// <summary>
    /// On a story readers can already see: show it as updated (its "Updated" time and <c>dateModified</c> move to now).
    /// Unticked, a fix of a typo changes nothing readers are told.
    /// </summary>
    [Display(Name = "Substantive change: show as updated")]
    public bool SubstantiveChange { get; set; }

    /// <summary>
    /// Fills the story's fields from a kept copy of it: the article itself, one of its revisions or an autosave slot
    /// (each keeps the text as <see cref="IStoryText"/>, with its section and bylines beside it).
    /// </summary>
    public void TakeStory(IStoryText story, int categoryId, int authorId, List<int> coAuthorIds)
    {
        Headline = story.Headline;
        Standfirst = story.Standfirst;
        BodyHtml = story.BodyHtml;
        CategoryId = categoryId;
        AuthorId = authorId;
        CoAuthorIds = coAuthorIds;
        HeroImageUrl = story.HeroImageUrl;
        HeroImageAlt = story.HeroImageAlt;
        HeroImageCaption = story.HeroImageCaption;
    }
}

/// <summary>What the editor asked for with the button they pressed.</summary>
public enum ArticleIntent
{
    SaveDraft,
    Publish,
    Schedule,
    Unpublish,
    Save,

    /// <summary>Save as a draft and put it in the review queue (a reporter's way to ask for publication).</summary>
    Submit,
}
