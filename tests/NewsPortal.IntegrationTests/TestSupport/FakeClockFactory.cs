namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A site on a clock the test moves (<see cref="Clock"/>, starting at the real now), with <c>settings</c> as for <see cref="NewsPortalFactory"/>.</summary>
public abstract class FakeClockFactory : NewsPortalFactory
{
    protected FakeClockFactory(params ReadOnlySpan<(string Key, string? Value)> settings)
        : base(settings) => Time = Clock;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
}
