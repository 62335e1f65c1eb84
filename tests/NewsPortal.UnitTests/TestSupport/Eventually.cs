namespace NewsPortal.UnitTests.TestSupport;

/// <summary>Waits, bounded, for something a background loop does, and fails saying what it saw.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task HoldsAsync(Func<bool> condition, Func<string> seen)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > Deadline)
            {
                Assert.Fail($"Still not so after {Deadline.TotalSeconds} s: {seen()}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
