namespace NewsPortal.IntegrationTests.Data;

/// <summary>The site started on Database:Provider=SqlServer with no server behind it, capturing each command EF sends, and the T-SQL check, shared by the SQL Server query proofs.</summary>
public abstract class SqlServerQueryTestBase(SqlServerQueryTestBase.SqlServerFactory factory)
{
    private protected readonly SqlServerFactory _factory = factory;

    private protected static async Task SavedOrAnsweredWithoutRowsAsync(Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The fake server answers a save's INSERT without the generated values; its statements were captured before that.
        }
    }

    public sealed class FlakyTransport : NewsPortal.Web.Infrastructure.Mail.IMailTransport
    {
        public bool Fail { get; set; }

        public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken) =>
            Fail ? throw new IOException("The mail server is down.") : Task.CompletedTask;
    }

    public sealed class SqlServerFactory : NewsPortalFactory
    {
        public SqlServerFactory()
        {
            Settings["Database:Provider"] = "SqlServer";
            Settings["Database:MigrateOnStartup"] = "false";
            Settings["Weather:Enabled"] = "false";
            Settings["Outbox:Enabled"] = "false";
            Settings["Notifications:Enabled"] = "false";
            Settings["Privacy:RetentionEnabled"] = "false";
            ConfigureServices = services =>
            {
                services.AddSingleton<NewsPortal.Web.Infrastructure.Mail.IMailTransport>(Transport);
                services.ConfigureDbContext<NewsDbContext>(o => o.AddInterceptors(Capture));
                // Keys would come from the (absent) database; this proof is about queries, not key storage, so the
                // key ring lives in memory (the site's own signing keys are derived from it).
                services.Configure<KeyManagementOptions>(o => o.XmlRepository = new InMemoryXmlRepository());
            };
        }

        public SqlServerWithoutServer Capture { get; } = new();

        private sealed class InMemoryXmlRepository : IXmlRepository
        {
            private readonly List<XElement> _elements = [];

            public IReadOnlyCollection<XElement> GetAllElements()
            {
                lock (_elements)
                {
                    return [.. _elements];
                }
            }

            public void StoreElement(XElement element, string friendlyName)
            {
                lock (_elements)
                {
                    _elements.Add(element);
                }
            }
        }

        /// <summary>Mail goes nowhere: this proof is about the outbox's queries.</summary>
        public FlakyTransport Transport { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:NewsPortal", "Server=tcp:127.0.0.1,1;Database=NewsPortal;User Id=sa;Password=unused;TrustServerCertificate=True;Connect Timeout=1");
        }
    }
}
