namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>An outbox row as the site writes one, for tests that need mail in a given state without sending any.</summary>
public static class OutboxRows
{
    public static OutboxMessage Message(OutboxStatus status, DateTime createdAt, DateTime nextAttemptAt) => new()
    {
        Kind = "test",
        ToAddress = "nobody@example.com",
        Subject = "s",
        TextBody = "t",
        HtmlBody = "<p>t</p>",
        MessageId = $"{Guid.NewGuid():N}@test",
        Status = status,
        CreatedAt = createdAt,
        NextAttemptAt = nextAttemptAt,
    };
}
