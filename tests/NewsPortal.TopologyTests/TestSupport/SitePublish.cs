namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>The published build the topology runs, and the programs it starts (dotnet, redis-server, nginx, prometheus).</summary>
public static class SitePublish
{
    /// <summary>A folder holding a Release publish of the site to use instead of publishing again.</summary>
    public const string PublishDirectoryVariable = "NEWSPORTAL_PUBLISH_DIR";

    private static readonly string[] ToolDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What every instance is started with (the environment an operator would set), in Production; a null value
    /// removes a variable the test run itself may carry.
    /// </summary>
    public static Dictionary<string, string?> InstanceEnvironment(string publicUrl) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = null,
        ["ASPNETCORE_URLS"] = null,
        ["ASPNETCORE_HTTP_PORTS"] = null,
        ["ASPNETCORE_HTTPS_PORTS"] = null,
        ["DOTNET_NOLOGO"] = "1",
        ["Database__Provider"] = "Sqlite",
        ["Site__PublicUrl"] = publicUrl,
        ["Admin__Email"] = Topology.AdminEmail,
        ["Admin__Password"] = Topology.AdminPassword,
        ["Seed__SampleContent"] = "true",
        ["Weather__Enabled"] = "false",
        ["Comments__MinSecondsToPost"] = "0",
        ["Comments__PostsPerMinutePerIp"] = Topology.PostsPerMinutePerIp.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// <c>dotnet publish -c Release</c> of the site into <paramref name="runDirectory"/>, or the folder
    /// <see cref="PublishDirectoryVariable"/> names when it holds one.
    /// </summary>
    public static async Task<string> PublishAsync(ProcessGuard guard, string dotnet, string runDirectory)
    {
        var reuse = Environment.GetEnvironmentVariable(PublishDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(reuse) && File.Exists(Path.Combine(reuse, "NewsPortal.Web.dll")))
        {
            return Path.GetFullPath(reuse);
        }

        var root = Repository.Root();
        var output = Path.Combine(runDirectory, "publish");

        // The test host may run inside MSBuild's environment (dotnet test); a nested build must not inherit it.
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        // No build servers or node reuse: nothing this run starts may outlive it.
        using var publish = ChildProcess.Start(
            guard,
            dotnet,
            ["publish", Path.Combine(root, "src", "NewsPortal.Web", "NewsPortal.Web.csproj"), "-c", "Release", "-o", output, "--disable-build-servers"],
            root,
            Path.Combine(runDirectory, "publish.log"),
            environment);
        if (!await publish.WaitForExitAsync(PublishTimeout))
        {
            publish.Kill();
            throw new InvalidOperationException($"dotnet publish did not finish within {PublishTimeout.TotalMinutes} minutes.\n{publish.LogTail(60)}");
        }

        if (publish.ExitCode != 0 || !File.Exists(Path.Combine(output, "NewsPortal.Web.dll")))
        {
            throw new InvalidOperationException($"dotnet publish of the site failed (exit code {publish.ExitCode}).\n{publish.LogTail(80)}");
        }

        return output;
    }

    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return FindTool("dotnet") ?? "dotnet";
    }

    /// <summary>An installed program: on PATH or in the usual system folders (sbin is often not on a test runner's PATH).</summary>
    public static string? FindTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(ToolDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
