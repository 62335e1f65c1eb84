namespace NewsPortal.IntegrationTests.Features.WordPressImport;

/// <summary>docs/import.md: "`130` interrupted (Ctrl+C: what was written stays, the same command finishes it)".</summary>
public sealed class ImportInterruptTests : IDisposable
{
    // With 20 comments each, about six batches of 2,000 rows: the import is still running, for seconds, when the first
    // batch's stories are in.
    private const int Posts = 600;

    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-interrupt-").FullName;

    [Fact]
    public async Task CtrlC_DuringAnImport_ExitsWith130_KeepsWhatWasWritten_AndTheSameCommandFinishesIt()
    {
        var export = Path.Combine(_folder, "export.xml");
        using (var generate = Process.Start("python3", [Path.Combine(Repository.Root(), "tests", "import-bench", "generate_wxr.py"), $"{Posts}", $"{Posts * 20}", export]))
        {
            await generate.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, generate.ExitCode);
        }

        var database = Path.Combine(_folder, "news.db");
        KeyValuePair<string, string?>[] environment = [new("ConnectionStrings__NewsPortal", $"Data Source={database}")];
        var info = WithDefaultCtrlC(ProgramCommandLine.StartInfo(["import", "wordpress", export], environment));
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        // Interrupt once the first stories are in, as an operator's Ctrl+C would (SIGINT to the process).
        Assert.True(
            await Loopback.WaitUntilAsync(async () => process.HasExited || await ArticlesAsync(database) > 0, TimeSpan.FromSeconds(120)),
            "No article was written within 120 s.");
        // (A message that awaited the output here would wait for the end of the import.)
        Assert.False(process.HasExited, "The import ended before it could be interrupted.");
        using (var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, kill.ExitCode);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var written = await ArticlesAsync(database);
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}; standard error: {await error}; output: {await output}");
        Assert.Contains("Import interrupted. What was written stays; run the same command again to finish it.", await error, StringComparison.Ordinal);
        Assert.DoesNotContain(" ERR] ", await error + await output, StringComparison.Ordinal);
        Assert.InRange(written, 1, Posts - 1);

        var (code, _, again) = await ProgramCommandLine.RunAsync(ProgramCommandLine.StartInfo(["import", "wordpress", export], environment), TimeSpan.FromSeconds(300));
        Assert.True(code == 0, $"the second run's exit code {code}: {again}");
        Assert.Equal(Posts, await ArticlesAsync(database));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// The command as a terminal starts it, with Ctrl+C's signal (SIGINT) at its default. A process started in the
    /// background by a non-interactive shell, as a CI runner may start the tests, has SIGINT ignored, and every process
    /// it starts inherits that; .NET then leaves SIGINT ignored too. Python resets it and becomes the command (exec).
    /// </summary>
    private static ProcessStartInfo WithDefaultCtrlC(ProcessStartInfo command)
    {
        var info = new ProcessStartInfo("python3")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = command.WorkingDirectory,
        };
        foreach (var argument in (string[])["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])", command.FileName, .. command.ArgumentList])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (key, value) in command.Environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private static async Task<long> ArticlesAsync(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadWrite;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Articles";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            // Not migrated yet, or busy: nothing to count yet.
            return 0;
        }
    }
}
