using System.Diagnostics;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>What an operator sees when the configuration is wrong: the real program, run as a process.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider 'Oracle' is not supported. Use 'Sqlite' (the embedded default) or 'SqlServer'.")]
    [InlineData("Site__TimeZone", "Mars/Olympus", "Site:TimeZone must be an IANA time zone id")]
    [InlineData("Site__PublicUrl", "news.example.com", "Site:PublicUrl must be an absolute http:// or https:// URL")]
    [InlineData("ForwardedHeaders__KnownProxies__0", "proxy.internal", "ForwardedHeaders:KnownProxies: 'proxy.internal' is not an IP address.")]
    [InlineData("ForwardedHeaders__KnownNetworks__0", "10.0.0.0", "ForwardedHeaders:KnownNetworks: '10.0.0.0' is not a network in CIDR notation")]
    [InlineData("DataProtection__CertificatePath", "/nonexistent/keys.pfx", "DataProtection:CertificatePath: there is no file at '/nonexistent/keys.pfx'.")]
    [InlineData("Content__ImageOrigins__0", "https://images.example.com/photos", "Content:ImageOrigins: each entry must be an https origin such as https://images.example.com")]
    [InlineData("Content__ImageOrigins__0", "http://images.example.com", "Content:ImageOrigins: each entry must be an https origin such as https://images.example.com")]
    public async Task Start_WithBadConfiguration_ExitsWithAClearMessage(string key, string value, string expected)
    {
        var app = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        info.Environment[key] = value;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__NewsPortal"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"startup-{Guid.NewGuid():N}.db")}";
        info.Environment["Weather__Enabled"] = "false";

        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.Equal(1, process.ExitCode);
        var error = await stderr;
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        _ = await stdout;
    }
}
