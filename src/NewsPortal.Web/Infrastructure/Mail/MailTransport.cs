namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>Where a finished message goes: an SMTP server, or the pickup folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit over SMTP, one connection per message (the site sends a handful an hour).</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    private readonly SmtpOptions _options = options.Value;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        var security = _options.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(_options.Host!, _options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            await client.AuthenticateAsync(_options.Username, _options.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// No SMTP host: each message becomes an .eml file named after its Message-ID, written to a temporary name and
/// then moved, so a message written twice (a claim taken over) is still one file and a reader never sees half of one.
/// </summary>
public sealed class PickupMailTransport(IOptions<SmtpOptions> options, IHostEnvironment environment) : IMailTransport
{
    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars().Append('@').ToArray())) + ".eml";
        var final = Path.Combine(Directory, name);
        var temporary = final + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, final, overwrite: true);
    }
}
