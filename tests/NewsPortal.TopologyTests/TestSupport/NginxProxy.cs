namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>
/// nginx in the foreground (<c>daemon off</c>, one worker) as the load balancer in front of the instances, with its
/// pid, logs and temp files inside the run directory. Round robin with kept-alive upstream connections; an instance
/// that fails once is left out for 5 s. Everything the shipped template (<c>deploy/nginx/default.conf.template</c>)
/// marks as shared with these tests is used here as written: its access-log format, its proxy headers, which requests
/// go to the next instance after a failure (comment posts even once sent) and its locations. Only what cannot run
/// here is this file's own: TLS, Docker's DNS, the instances' addresses and the test-only lines below.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    /// <summary>Response header naming the instance(s) that answered (<c>$upstream_addr</c>); test-only.</summary>
    public const string UpstreamHeader = "X-Upstream";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly ProcessGuard _guard;
    private readonly string _executable;
    private readonly string _directory;
    private readonly IReadOnlyList<SiteInstance> _instances;
    private readonly string _mediaRoot;
    private readonly HttpClient _probe;
    private ChildProcess? _process;

    public NginxProxy(ProcessGuard guard, string executable, string runDirectory, int port, IReadOnlyList<SiteInstance> instances, string mediaRoot)
    {
        _mediaRoot = mediaRoot;
        _guard = guard;
        _executable = executable;
        _directory = Path.Combine(runDirectory, "nginx");
        _instances = instances;
        Port = port;
        _probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Port { get; }

    /// <summary>The public address of the site in these tests (also the site's <c>Site:PublicUrl</c>).</summary>
    public Uri BaseAddress => Loopback.Url(Port);

    public bool IsRunning => _process is { HasExited: false };

    public string ConfigPath => Path.Combine(_directory, "nginx.conf");

    public string ErrorLogPath => Path.Combine(_directory, "error.log");

    /// <summary>Where the template's <c>access_log</c> writes, in its own format.</summary>
    public string AccessLogPath => Path.Combine(_directory, "access.log");

    public static string TemplatePath => Path.Combine(Repository.Root(), "deploy", "nginx", "default.conf.template");

    /// <summary>
    /// The lines of the template between <c># &gt;&gt;&gt; shared with the topology tests: <paramref name="name"/></c> and
    /// the next <c># &lt;&lt;&lt;</c>, with its log directory moved into <paramref name="logDirectory"/>.
    /// </summary>
    public static string SharedTemplateLines(string name, string logDirectory)
    {
        var lines = File.ReadAllLines(TemplatePath);
        var start = Array.FindIndex(lines, l => l.Trim() == $"# >>> shared with the topology tests: {name}");
        var end = start < 0 ? -1 : Array.FindIndex(lines, start + 1, l => l.Trim().StartsWith("# <<<", StringComparison.Ordinal));
        if (start < 0 || end < 0)
        {
            throw new InvalidOperationException($"{TemplatePath} has no region '# >>> shared with the topology tests: {name}' ... '# <<<'.");
        }

        return string.Join('\n', lines[(start + 1)..end]).Replace("/var/log/nginx/", logDirectory.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        WriteConfig();
        _process?.Dispose();
        _process = ChildProcess.Start(
            _guard,
            _executable,
            ["-p", _directory + "/", "-c", ConfigPath, "-e", ErrorLogPath],
            _directory,
            Path.Combine(_directory, "stdout.log"));

        var process = _process;
        var answering = await Loopback.WaitUntilAsync(async () => process.HasExited || await AnswersAsync(), StartTimeout);
        if (process.HasExited || !answering)
        {
            throw new InvalidOperationException(
                $"nginx did not answer on {BaseAddress} within {StartTimeout.TotalSeconds} s (exited: {process.HasExited}).\n"
                + $"{ChildProcess.ReadTail(ErrorLogPath, 20)}\n{process.LogTail(20)}");
        }
    }

    /// <summary>
    /// Waits until nginx sends requests to every instance again (after a restart nginx may still hold one out for its
    /// fail_timeout). Returns false when it did not happen within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitForAllUpstreamsAsync(TimeSpan timeout)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return await Loopback.WaitUntilAsync(
            async () =>
            {
                try
                {
                    using var response = await _probe.GetAsync(new Uri("/healthz", UriKind.Relative));
                    if (response.Headers.TryGetValues(UpstreamHeader, out var values))
                    {
                        // "$upstream_addr" lists every upstream tried ("A, B" when A failed and B answered): only
                        // the last one answered.
                        seen.UnionWith(values.Select(v => v.Split(',', StringSplitOptions.TrimEntries)[^1]));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }

                return _instances.All(i => seen.Contains(i.UpstreamAddress));
            },
            timeout,
            TimeSpan.FromMilliseconds(50));
    }

    public void Dispose()
    {
        _process?.Dispose();
        _probe.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await _probe.GetAsync(new Uri("/healthz", UriKind.Relative));
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private void WriteConfig()
    {
        Directory.CreateDirectory(_directory);
        var temp = new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.ToDictionary(n => n, n => Path.Combine(_directory, "temp", n));
        foreach (var path in temp.Values)
        {
            Directory.CreateDirectory(path);

            // Started as root, nginx runs its worker as an unprivileged user, which must be able to write large
            // request and response bodies here.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
            }
        }

        var servers = new StringBuilder();
        foreach (var instance in _instances)
        {
            servers.Append(CultureInfo.InvariantCulture, $"        server {instance.UpstreamAddress} max_fails=1 fail_timeout=5s;\n");
        }

        var sharedHttp = SharedTemplateLines("http", _directory);
        var sharedServer = SharedTemplateLines("server", _directory);
        // The compose stack mounts the media volume at the instances' Media__Root path; here it is the run's folder.
        var sharedMedia = SharedTemplateLines("media", _directory)
            .Replace("/var/lib/newsportal/media/", _mediaRoot.TrimEnd('/') + "/", StringComparison.Ordinal);

        File.WriteAllText(ConfigPath, $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{_directory}}/nginx.pid;
            error_log {{ErrorLogPath}} warn;

            events {
                worker_connections 1024;
            }

            http {
                access_log off;
                client_body_temp_path {{temp["client_body"]}};
                proxy_temp_path {{temp["proxy"]}};
                fastcgi_temp_path {{temp["fastcgi"]}};
                uwsgi_temp_path {{temp["uwsgi"]}};
                scgi_temp_path {{temp["scgi"]}};

            {{sharedHttp}}

                upstream newsportal {
            {{servers}}
                    keepalive 8;
                }

                server {
                    listen 127.0.0.1:{{Port}};

                    # Test-only: this nginx trusts loopback as if an outer load balancer stood in front of it, so a
                    # test can act as many readers by sending X-Forwarded-For itself. In production nginx faces the
                    # internet: drop these two lines and it sets X-Forwarded-For to the peer ($remote_addr) itself.
                    set_real_ip_from 127.0.0.0/8;
                    real_ip_header X-Forwarded-For;

                    # Test-only: which instance answered, so tests can see the round robin (inherited by every
                    # location of the template, none of which adds headers of its own).
                    add_header {{UpstreamHeader}} $upstream_addr always;

            {{sharedServer}}

            {{sharedMedia}}
                }
            }

            """);
    }
}
