namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// The built entry point, as an operator runs it (<c>dotnet NewsPortal.Web.dll …</c>): in Production, with the
/// settings every real start needs (a public address, no weather service), then the caller's; a null value removes
/// a setting.
/// </summary>
public static class ProgramCommandLine
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        var app = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [app, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Weather__Enabled"] = "false";
        info.Environment["Site__PublicUrl"] = "https://news.example.com";
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    /// <summary>Runs it to its exit. A run that outlives <paramref name="timeout"/> is killed and the test fails with the timeout.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info)!;
        using var limit = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary><c>import wordpress</c> on an export, with the caller's settings (a database, a media folder, OTLP).</summary>
    public static Task<(int Code, string Output, string Error)> ImportAsync(
        string export, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] options) =>
        RunAsync(
            StartInfo(["import", "wordpress", export, .. options], environment.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))),
            timeout);
}
