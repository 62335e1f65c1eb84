namespace NewsPortal.Web.Infrastructure.Site;

public static class CheckedOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the configuration section <paramref name="section"/> and checks its data
    /// annotations, and any further <c>Validate</c> added to the builder, when the site starts: a wrong value stops the
    /// site with its message before it serves anything.
    /// </summary>
    public static OptionsBuilder<TOptions> AddCheckedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
