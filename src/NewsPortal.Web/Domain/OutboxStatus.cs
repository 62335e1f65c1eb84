namespace NewsPortal.Web.Domain;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (for the first time, or again after a failed attempt).</summary>
    Pending = 0,

    /// <summary>Handed to the mail server (or written to the pickup folder); never sent again.</summary>
    Sent = 1,

    /// <summary>Gave up after the last attempt; an Admin can put it back in the queue.</summary>
    Failed = 2,
}
