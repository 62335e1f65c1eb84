namespace NewsPortal.IntegrationTests.Infrastructure.Hosting;

/// <summary>What an operator sees when the configuration is wrong: the real program, run as a process.</summary>
public sealed class StartupConfigurationTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Database__Provider", "Oracle", "Database:Provider 'Oracle' is not supported. Use 'Sqlite' (the embedded default) or 'SqlServer'." },
        { "Site__TimeZone", "Mars/Olympus", "Site:TimeZone must be an IANA time zone id" },
        { "Site__PublicUrl", "news.example.com", "Site:PublicUrl must be an absolute http:// or https:// URL" },
        { "ForwardedHeaders__KnownProxies__0", "proxy.internal", "ForwardedHeaders:KnownProxies: 'proxy.internal' is not an IP address." },
        { "ForwardedHeaders__KnownNetworks__0", "10.0.0.0", "ForwardedHeaders:KnownNetworks: '10.0.0.0' is not a network in CIDR notation" },
        { "DataProtection__CertificatePath", "/nonexistent/keys.pfx", "DataProtection:CertificatePath: there is no file at '/nonexistent/keys.pfx'." },
        { "Content__ImageOrigins__0", "https://images.example.com/photos", "Content:ImageOrigins: each entry must be an https origin such as https://images.example.com" },
        { "Content__ImageOrigins__0", "http://images.example.com", "Content:ImageOrigins: each entry must be an https origin such as https://images.example.com" },
        { "Cache__SyncMilliseconds", "50", "Cache:SyncMilliseconds must be between 100 and 300000" },
        { "Metrics__Port", "9464x", "Metrics:Port: '9464x' is not a port number (1-65535)." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_WithBadConfiguration_ExitsWithAClearMessage(string key, string value, string expected)
    {
        var error = await StartExpectingExitAsync((key, value));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Start_InProductionWithoutPublicUrl_ExitsNamingTheKeyWithAnExample(string? publicUrl)
    {
        var error = await StartExpectingExitAsync(("Site__PublicUrl", publicUrl));

        Assert.Contains("NewsPortal cannot start: Site:PublicUrl is required outside Development (environment 'Production')", error, StringComparison.Ordinal);
        Assert.Contains("Site__PublicUrl=https://news.example.com", error, StringComparison.Ordinal);
    }

    /// <remarks>
    /// The tests may run as root, which ignores file permissions; /proc refuses new files and folders to everyone, so
    /// it stands in for a folder the site's user cannot write.
    /// </remarks>
    [Theory]
    [InlineData("/proc/newsportal-missing/site.db", "NewsPortal cannot start: the database folder /proc/newsportal-missing cannot be created")]
    [InlineData("/proc/newsportal.db", "NewsPortal cannot start: the SQLite database /proc/newsportal.db cannot be opened and written")]
    public async Task Start_WithADatabaseFolderItCannotWrite_ExitsWithAClearMessage(string file, string expected)
    {
        var error = await StartExpectingExitAsync(("ConnectionStrings__NewsPortal", $"Data Source={file}"));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the real program in Production on a database file of its own, with a valid <c>Site:PublicUrl</c>, unless
    /// <paramref name="environment"/> names either (null: none at all); asserts it exits with 1 and no stack trace;
    /// returns its standard error.
    /// </summary>
    private static async Task<string> StartExpectingExitAsync(params (string Key, string? Value)[] environment)
    {
        var database = $"Data Source={Path.Combine(Path.GetTempPath(), $"startup-{Guid.NewGuid():N}.db")}";
        Dictionary<string, string?> variables = new() { ["ConnectionStrings__NewsPortal"] = database };
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var (code, _, error) = await ProgramCommandLine.RunAsync(
            ProgramCommandLine.StartInfo(["--urls", "http://127.0.0.1:0"], variables), TimeSpan.FromSeconds(60));
        Assert.True(code == 1, $"Exit code {code}: {error}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        return error;
    }
}
