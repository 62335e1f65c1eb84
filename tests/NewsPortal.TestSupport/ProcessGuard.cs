namespace NewsPortal.TestSupport;

/// <summary>
/// Makes sure no process this test run started outlives it. Three layers: the fixture kills every child (with its
/// tree) when it is disposed; <see cref="AppDomain.ProcessExit"/> does the same when the test host exits early or is
/// sent SIGTERM/SIGINT; and a small shell watchdog, started once, waits for the test host to disappear (even by
/// SIGKILL, when no managed code runs) and then kills whatever is still listed in the run directory's
/// <c>children</c> file and deletes the directory. Each line there is "pid start-time" (field 22 of
/// /proc/pid/stat), so a recycled pid is never killed by mistake.
/// </summary>
public sealed class ProcessGuard : IDisposable
{
    // POSIX sh, sed and cut only (no procps in slim images). Fields after "pid (comm) ": 2 is the parent, 20 the start time.
    private const string WatchdogScript = """
        owner="$1"; dir="$2"
        field() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d ' ' -f "$2"; }
        while kill -0 "$owner" 2>/dev/null; do sleep 1; done
        if [ -f "$dir/children" ]; then
          while read -r pid start; do
            if [ -n "$pid" ] && [ "$(field "$pid" 20)" = "$start" ]; then
              kids=""
              for stat in /proc/[0-9]*/stat; do
                other=${stat%/stat}; other=${other#/proc/}
                if [ "$(field "$other" 2)" = "$pid" ]; then kids="$kids $other"; fi
              done
              kill -9 "$pid" $kids 2>/dev/null
            fi
          done < "$dir/children"
        fi
        rm -rf "$dir"
        """;

    private readonly Lock _gate = new();
    private readonly List<ChildProcess> _children = [];
    private readonly string _childrenFile;
    private readonly Process? _watchdog;
    private bool _disposed;

    public ProcessGuard(string runDirectory)
    {
        _childrenFile = Path.Combine(runDirectory, "children");
        File.WriteAllText(_childrenFile, string.Empty);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        if (OperatingSystem.IsLinux() && File.Exists("/bin/sh"))
        {
            var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            foreach (var argument in new[] { "-c", WatchdogScript, "process-guard-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), runDirectory })
            {
                info.ArgumentList.Add(argument);
            }

            _watchdog = Process.Start(info);
        }
    }

    /// <summary>Records a started child in memory and in the run directory, for the watchdog.</summary>
    public void Track(ChildProcess child)
    {
        lock (_gate)
        {
            _children.Add(child);
            File.AppendAllText(_childrenFile, $"{child.Id} {StartTimeOf(child.Id)}\n");
        }
    }

    /// <summary>Kills every child still running (each with its whole process tree).</summary>
    public void KillAll()
    {
        ChildProcess[] children;
        lock (_gate)
        {
            children = [.. _children];
        }

        foreach (var child in children)
        {
            child.Kill();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillAll();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_watchdog is { HasExited: false })
        {
            _watchdog.Kill(entireProcessTree: true);
            _watchdog.WaitForExit(5_000);
        }

        _watchdog?.Dispose();
    }

    // The run directory stays: the watchdog deletes it once the test host is gone.
    private void OnProcessExit(object? sender, EventArgs e) => KillAll();

    private static string StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(") ", StringComparison.Ordinal) + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
