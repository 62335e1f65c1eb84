namespace NewsPortal.UnitTests.Infrastructure.Hosting;

public sealed class BulkheadTests
{
    [Fact]
    public async Task TryEnter_WhenEverySlotIsTaken_TurnsTheNextAway_AndAReleasedSlotLetsOneIn()
    {
        using var bulkhead = new Bulkhead(2, TimeSpan.Zero);
        var first = await bulkhead.TryEnterAsync(CancellationToken.None);
        var second = await bulkhead.TryEnterAsync(CancellationToken.None);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(await bulkhead.TryEnterAsync(CancellationToken.None));

        first.Dispose();
        var third = await bulkhead.TryEnterAsync(CancellationToken.None);
        Assert.NotNull(third);
        Assert.Null(await bulkhead.TryEnterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Turn_DisposedTwice_ReleasesItsSlotOnce()
    {
        using var bulkhead = new Bulkhead(1, TimeSpan.Zero);
        var turn = await bulkhead.TryEnterAsync(CancellationToken.None);
        turn!.Dispose();
        turn.Dispose();

        Assert.NotNull(await bulkhead.TryEnterAsync(CancellationToken.None));
        Assert.Null(await bulkhead.TryEnterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TryEnter_AWaiterGetsTheSlotWhenItIsReleasedWithinItsWait()
    {
        using var bulkhead = new Bulkhead(1, TimeSpan.FromMinutes(1));
        var held = await bulkhead.TryEnterAsync(CancellationToken.None);
        var waiting = bulkhead.TryEnterAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        held!.Dispose();
        Assert.NotNull(await waiting);
    }

    [Fact]
    public async Task TryEnter_Cancelled_Throws_AndTakesNoSlot()
    {
        using var bulkhead = new Bulkhead(1, TimeSpan.FromMinutes(1));
        var held = await bulkhead.TryEnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = bulkhead.TryEnterAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        held!.Dispose();
        Assert.NotNull(await bulkhead.TryEnterAsync(CancellationToken.None));
    }

    [Fact]
    public void NoTurn_CanBeDisposedAnyNumberOfTimes()
    {
        Bulkhead.NoTurn.Dispose();
        Bulkhead.NoTurn.Dispose();
    }
}
