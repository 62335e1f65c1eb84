namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>What the two mail jobs do on their next turns, run now: the dispatcher writes the outbox, the sender sends it.</summary>
public static class MailDelivery
{
    /// <summary>One dispatcher pass per <paramref name="dispatchers"/> (at once, as instances would), then one sender pass.</summary>
    public static async Task DeliverAsync<TEntryPoint>(this WebApplicationFactory<TEntryPoint> site, int dispatchers = 1)
        where TEntryPoint : class
    {
        await Task.WhenAll(Enumerable.Range(0, dispatchers).Select(async _ =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(TestContext.Current.CancellationToken);
        }));
        await site.Services.GetRequiredService<OutboxSender>().SendDueAsync(TestContext.Current.CancellationToken);
    }
}
