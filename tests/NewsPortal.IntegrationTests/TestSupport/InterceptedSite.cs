namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A site with an admin whose SQLite context runs every command through one <typeparamref name="T"/>, for the tests that hold a query mid-flight.</summary>
public sealed class InterceptedSite<T> : NewsPortalFactory
    where T : IInterceptor, new()
{
    public InterceptedSite()
    {
        this.WithAdmin();
        DbInterceptors.Add(Interceptor);
    }

    public T Interceptor { get; } = new();
}
