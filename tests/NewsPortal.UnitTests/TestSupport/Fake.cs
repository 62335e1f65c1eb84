namespace NewsPortal.UnitTests.TestSupport;

/// <summary>
/// An implementation of any interface by one function of the method called and its arguments, for the few
/// collaborators that cannot run here; what the function does not answer fails the test, naming the member.
/// </summary>
internal static class Fake
{
    public static T Of<T>(Func<MethodInfo, object?[], object?> handle)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, Proxy>();
        ((Proxy)(object)proxy).Handle = handle;
        return proxy;
    }

    /// <summary>For a collaborator the code under test must not call at all.</summary>
    public static T Unused<T>()
        where T : class => Of<T>((method, _) => Unexpected(method));

    public static object? Unexpected(MethodInfo method) =>
        throw new NotSupportedException(
            $"The fake does not answer {method.DeclaringType?.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))}).");

#pragma warning disable CA1852 // DispatchProxy derives the implementation from this class at run time
    public class Proxy : DispatchProxy
#pragma warning restore CA1852
    {
        internal Func<MethodInfo, object?[], object?> Handle { get; set; } = (method, _) => Unexpected(method);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Handle(targetMethod!, args ?? []);
    }
}
