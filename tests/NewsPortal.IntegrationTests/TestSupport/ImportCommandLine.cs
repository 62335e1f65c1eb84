using System.Diagnostics;

namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// The published entry point, as an operator runs it: <c>dotnet NewsPortal.Web.dll import wordpress …</c>, in
/// Production with the settings a real run needs, plus the caller's (a database, a media folder, OTLP). A run that
/// outlives its time is killed and the test fails with the timeout.
/// </summary>
public static class ImportCommandLine
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(
        string export, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] options)
    {
        var app = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [app, "import", "wordpress", export, .. options])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Site__PublicUrl"] = "http://localhost";
        info.Environment["Weather__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

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
}
