namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// <c>import wordpress &lt;export.xml&gt; [--media &lt;uploads-folder&gt;] [--dry-run]</c>: the site's own host (its
/// configuration, provider and services) built but never started, so nothing listens; the database created and
/// migrated; the import run with progress on the console; the summary printed. Exit codes: 0 done, 1 a file it cannot
/// read (nothing imported), 2 a wrong command line, 130 interrupted.
/// </summary>
public sealed class ImportCommand
{
    public const string Usage = "Usage: import wordpress <export.xml> [--media <uploads-folder>] [--dry-run] [--Key=value ...]";

    private ImportCommand(string? error, ImportRequest? request, string[] hostArguments)
    {
        Error = error;
        Request = request;
        HostArguments = hostArguments;
    }

    public string? Error { get; }

    public ImportRequest? Request { get; }

    /// <summary>Configuration overrides (<c>--Database:Provider=SqlServer</c>) for the host; the command's own words are not.</summary>
    public string[] HostArguments { get; }

    /// <summary>The console is for progress and the summary: the site's informational logging stays out of it.</summary>
    public static IReadOnlyDictionary<string, string?> QuietLogging { get; } = new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Warning",
        // Ctrl+C rolls back the batch being written, which EF logs as an error; the command says what happened in words.
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Transaction"] = "Fatal",
    };

    /// <summary>Null when <paramref name="args"/> is not an import command (the site starts as usual).</summary>
    public static ImportCommand? Parse(string[] args)
    {
        if (args.Length == 0 || !args[0].Equals("import", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (args.Length < 2 || !args[1].Equals("wordpress", StringComparison.OrdinalIgnoreCase))
        {
            return new ImportCommand("Only WordPress exports can be imported: import wordpress <export.xml>.", null, []);
        }

        string? export = null, media = null;
        var dryRun = false;
        var host = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--dry-run")
            {
                dryRun = true;
            }
            else if (arg == "--media")
            {
                if (i + 1 >= args.Length)
                {
                    return new ImportCommand("--media needs the uploads folder after it.", null, []);
                }

                media = args[++i];
            }
            else if (arg.StartsWith("--media=", StringComparison.Ordinal))
            {
                media = arg["--media=".Length..];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                host.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                return new ImportCommand($"Unknown option {arg}.", null, []);
            }
            else if (export is null)
            {
                export = arg;
            }
            else
            {
                return new ImportCommand($"One export at a time: {arg} is extra.", null, []);
            }
        }

        if (export is null)
        {
            return new ImportCommand("Name the export file: import wordpress <export.xml>.", null, []);
        }

        var request = new ImportRequest(Path.GetFullPath(export), media is null ? null : Path.GetFullPath(media), dryRun);
        return new ImportCommand(null, request, [.. host]);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (Error is not null || Request is null)
        {
            await Console.Error.WriteLineAsync(Error);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (!File.Exists(Request.ExportPath))
        {
            await Console.Error.WriteLineAsync($"Import failed, nothing was imported: the export {Request.ExportPath} does not exist.");
            return 1;
        }

        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };

        try
        {
            var request = Request;
            if (!request.DryRun)
            {
                await MigrateAsync(services, interrupted.Token);
            }
            else if (await SchemaMissingAsync(services, interrupted.Token))
            {
                request = request with { SchemaMissing = true };
            }

            // The command is a batch job and the whole process: nobody waits on its collections, so they may block
            // and compact (about 30 MB less resident memory over a million comments) instead of running beside it.
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            var progress = new ConsoleProgress(Console.Out, !Console.IsOutputRedirected);
            var summary = await services.GetRequiredService<ImportWordPressExport>().RunAsync(request, progress.Report, interrupted.Token);
            progress.Finish();
            await Console.Out.WriteLineAsync(summary.ToString());
            return 0;
        }
        catch (WxrFormatException ex)
        {
            await Console.Error.WriteLineAsync($"Import failed, nothing was imported: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or DbUpdateException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Import stopped: {ex.GetBaseException().Message} What was written stays; run the same command again to finish it.");
            return 1;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Import interrupted. What was written stays; run the same command again to finish it.");
            return 130;
        }
    }

    /// <summary>The database as the site would have it at start, but never seeded: the import is its content.</summary>
    private static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await scope.ServiceProvider.GetRequiredService<IDatabaseJournal>().UseWriteAheadLogAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static async Task<bool> SchemaMissingAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }

    /// <summary>A bar with counts and rate on a terminal; a plain line every few seconds when the output is a file or pipe.</summary>
    private sealed class ConsoleProgress(TextWriter output, bool terminal)
    {
        private static readonly TimeSpan LineEvery = TimeSpan.FromSeconds(5);
        private readonly TextWriter _out = output;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Stopwatch _phaseClock = Stopwatch.StartNew();
        private TimeSpan _lastLine = TimeSpan.MinValue;
        private string? _phase;
        private bool _barShown;

        public void Report(ImportProgress progress)
        {
            if (progress.Phase != _phase)
            {
                Finish();
                _phase = progress.Phase;
                _phaseClock.Restart();
                _out.WriteLine($"{progress.Phase}…");
                _lastLine = _clock.Elapsed;
            }

            var rate = progress.Done / Math.Max(_phaseClock.Elapsed.TotalSeconds, 0.001);
            var percent = progress.Total > 0 ? (double)progress.Done / progress.Total : 0;
            if (terminal)
            {
                const int Width = 30;
                var filled = (int)Math.Round(percent * Width);
                _out.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {percent,4:P0} {progress.Done:N0}/{progress.Total:N0} {rate:N0}/s   "));
                _barShown = true;
            }
            else if (_clock.Elapsed - _lastLine >= LineEvery || (progress.Total > 0 && progress.Done >= progress.Total))
            {
                _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{progress.Phase}: {progress.Done:N0} of {progress.Total:N0} ({percent:P0}), {rate:N0} a second"));
                _lastLine = _clock.Elapsed;
            }
        }

        public void Finish()
        {
            if (_barShown)
            {
                _out.WriteLine();
                _barShown = false;
            }
        }
    }
}
