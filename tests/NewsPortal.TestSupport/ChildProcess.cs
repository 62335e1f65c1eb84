namespace NewsPortal.TestSupport;

/// <summary>
/// A process started by this test run, its standard output and error appended to a log file (kept across restarts,
/// each start marked), killed hard with its whole tree.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private bool _closed;

    private ChildProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public int Id => _process.Id;

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="fileName"/> with exactly these arguments (no shell). <paramref name="environment"/>
    /// sets variables on top of this process's own; a null value removes one.
    /// </summary>
    public static ChildProcess Start(
        ProcessGuard guard,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        string logPath,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        log.WriteLine($"==== {DateTimeOffset.UtcNow:O} {fileName} {string.Join(' ', info.ArgumentList)}");
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, log, logPath);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            child.Dispose();
            throw;
        }

        guard.Track(child);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// A server's start: <paramref name="previous"/> (exited, or null) is let go, the new process started, and the call
    /// returns once <paramref name="ready"/> answers true. When the process exits first or the wait runs out, it is
    /// killed and the call throws with the tail of its log.
    /// </summary>
    public static async Task<ChildProcess> RestartAsync(
        ChildProcess? previous,
        ProcessGuard guard,
        (string FileName, IEnumerable<string> Arguments, string WorkingDirectory, string LogPath) command,
        IReadOnlyDictionary<string, string?>? environment,
        Func<Task<bool>> ready,
        TimeSpan timeout,
        string what)
    {
        previous?.Dispose();
        var process = Start(guard, command.FileName, command.Arguments, command.WorkingDirectory, command.LogPath, environment);
        var answered = await Loopback.WaitUntilAsync(async () => process.HasExited || await ready(), timeout, TimeSpan.FromMilliseconds(200));
        if (process.HasExited || !answered)
        {
            var why = process.HasExited ? "exited during start-up" : $"was not ready within {timeout.TotalSeconds} s";
            var tail = process.LogTail();
            process.Dispose();
            throw new InvalidOperationException($"{what} {why}.\n{tail}");
        }

        return process;
    }

    /// <summary>Waits for the process to end by itself; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL to the process and every descendant (nginx's workers too); waits until it is gone.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string LogTail(int lines = 40) => ReadTail(LogPath, lines);

    public static string ReadTail(string path, int lines)
    {
        if (!File.Exists(path))
        {
            return $"(no log at {path})";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return $"--- last lines of {path} ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    public void Dispose()
    {
        Kill();
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }

        _process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
