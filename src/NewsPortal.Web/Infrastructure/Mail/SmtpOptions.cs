namespace NewsPortal.Web.Infrastructure.Mail;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Outgoing mail. With no <see cref="Host"/>, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address; required with a host.</summary>
    [EmailAddress]
    public string? From { get; set; }

    /// <summary>The sender's display name; unset, the site's name.</summary>
    [StringLength(100)]
    public string? FromName { get; set; }

    /// <summary>Relative paths are under the content root. Default <c>App_Data/mail</c>.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("App_Data", "mail");

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>How the background sender works through the outbox.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the sender looks for due messages when it is not woken earlier.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim lasts. An instance that dies while sending leaves its claim; another takes the message over
    /// after this, so it must be longer than one send can take: with a mail server, start-up requires more than
    /// <see cref="SendsPerLease"/> × <c>Smtp:TimeoutSeconds</c> + <see cref="LeaseMargin"/> (MailKit's timeout bounds
    /// each network operation, and a send is at least four: connect, authenticate, send, quit), and the sender gives a
    /// send up once it has taken the lease less the margin. Expiry is judged on each instance's own clock, so the
    /// margin is also the clock difference between instances this tolerates (NTP keeps it to milliseconds).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Network operations of up to <c>Smtp:TimeoutSeconds</c> each that one send makes at least.</summary>
    public const int SendsPerLease = 4;

    /// <summary>What a claim must outlast its longest send by: the time to record the outcome, and clock skew.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    /// <summary>The longest a send may take before the sender gives it up, so that it never outlives its claim.</summary>
    public TimeSpan SendDeadline => Lease - LeaseMargin;

    /// <summary>False when a send bounded by the SMTP timeout could outlive the claim.</summary>
    public bool OutlastsASend(SmtpOptions smtp) =>
        !smtp.UsesServer || Lease > TimeSpan.FromSeconds(SendsPerLease * (long)smtp.TimeoutSeconds) + LeaseMargin;

    /// <summary>The wait after the first failure; it doubles with each further failure up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a message is marked failed (an Admin can retry it).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Sent and failed messages older than this are deleted.</summary>
    [Range(1, 3650)]
    public int RetainDays { get; set; } = 30;

    /// <summary>Off only in tests that drive the sender by hand.</summary>
    public bool Enabled { get; set; } = true;
}
