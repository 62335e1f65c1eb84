namespace NewsPortal.Web.Domain;

/// <summary>One day's figures (the site's time zone), rebuilt from the rows they count; the day leads every key.</summary>
public abstract class DailyFigures
{
    public DateOnly Day { get; set; }
}

/// <summary>
/// Comments posted on one day (the site's time zone) to one article, by the status the rules gave them. Derived from
/// <see cref="Comment"/> and its history (rebuildable); staff replies are not counted.
/// </summary>
public class DailyCommentStats : DailyFigures
{
    public int ArticleId { get; set; }

    public int Published { get; set; }

    public int Held { get; set; }

    public int Spam { get; set; }
}

/// <summary>One moderator's status changes on one day, by the status they gave. Derived from the comment history.</summary>
public class DailyModerationStats : DailyFigures
{
    /// <summary>The staff account's sign-in name, as the history records it.</summary>
    public required string Moderator { get; set; }

    public int Approved { get; set; }

    public int Rejected { get; set; }

    public int Spam { get; set; }

    public int Trashed { get; set; }

    /// <summary>Put back in the queue (restored to pending).</summary>
    public int Requeued { get; set; }
}

/// <summary>
/// The moderation queue at the end of one day (or now, for today) and the day's first decisions on held comments:
/// how many and how long they had waited (median and 90th percentile, nearest rank, in seconds).
/// </summary>
public class DailyQueueStats : DailyFigures
{
    public int PendingAtEnd { get; set; }

    /// <summary>How long the oldest held comment had waited at the end of the day; 0 when none waited.</summary>
    public long OldestPendingSeconds { get; set; }

    public int Decisions { get; set; }

    public long? MedianDecisionSeconds { get; set; }

    public long? P90DecisionSeconds { get; set; }

    /// <summary>UTC: when the row was last computed.</summary>
    public DateTime ComputedAt { get; set; }
}

/// <summary>Reader reports received on one day, and those decided on it by outcome.</summary>
public class DailyReportStats : DailyFigures
{
    public int Received { get; set; }

    public int Dismissed { get; set; }

    public int Hidden { get; set; }

    public int Removed { get; set; }
}

/// <summary>
/// How often one normalised search term was searched for on one day, and how often it found nothing. An aggregate
/// only: no address, no visitor, no time finer than the day. Kept <c>Search:StatsDays</c>.
/// </summary>
public class DailySearchTerm : DailyFigures
{
    public required string Term { get; set; }

    public int Searches { get; set; }

    public int ZeroResults { get; set; }
}

/// <summary>A named periodic job's claim: the instance holding it until <see cref="Until"/> runs it, the others skip.</summary>
public class JobLease
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    /// <summary>UTC.</summary>
    public DateTime Until { get; set; }
}
