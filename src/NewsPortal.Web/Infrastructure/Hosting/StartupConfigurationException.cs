namespace NewsPortal.Web.Infrastructure.Hosting;

/// <summary>
/// Configuration the site cannot start with. Program prints its message alone, without a stack trace,
/// because the operator's fix is in the message.
/// </summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException()
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
