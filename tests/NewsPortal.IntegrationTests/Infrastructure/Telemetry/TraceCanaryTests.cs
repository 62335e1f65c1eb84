namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// Spans as an OTLP collector would get them (the same pipeline, with an in-memory exporter beside the OTLP one, whose
/// collector address answers nothing): after a reader posts, searches and reports with unique values, none of those
/// values is in any span's name, attribute or event; and the spans the issue names are there.
/// </summary>
public sealed class TraceCanaryTests(TraceCanaryTests.Factory factory) : IClassFixture<TraceCanaryTests.Factory>
{
    public sealed class Factory : NewsPortalFactory
    {
        public Factory()
            : base(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"), ("Search:RequestsPerMinutePerIp", "1000"), ("Outbox:PollInterval", "00:00:01")) =>
            ConfigureServices = services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));

        // The exporter adds from whichever thread ends a span while the test reads: every access takes the same lock.
        public LockedSpanCollection Spans { get; } = new();

        public List<Activity> Snapshot() => Spans.Snapshot();
    }

    public sealed class LockedSpanCollection : ICollection<Activity>
    {
        private readonly List<Activity> _spans = [];

        public int Count
        {
            get
            {
                lock (_spans)
                {
                    return _spans.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (_spans)
            {
                _spans.Add(item);
            }
        }

        public void Clear()
        {
            lock (_spans)
            {
                _spans.Clear();
            }
        }

        public bool Contains(Activity item) => Snapshot().Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(Activity item)
        {
            lock (_spans)
            {
                return _spans.Remove(item);
            }
        }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public List<Activity> Snapshot()
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    private static string Everything(Activity span) =>
        string.Join('\n', new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? string.Empty }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(t => $"{t.Key}={t.Value}")))));

    [Fact]
    public async Task Spans_AfterPersonalDataWasPostedSearchedAndReported_HoldNoneOfIt()
    {
        var canary = "cn" + Guid.NewGuid().ToString("N")[..12];
        var (slug, commentId) = await factory.PublishedCommentAsync();
        using var reader = factory.Reader("198.51.100.77");
        reader.DefaultRequestHeaders.UserAgent.ParseAdd($"Agent-{canary}/1.0");
        await ReaderComments.PostAsync(reader, slug, $"Name {canary}", $"{canary}@example.com", $"Body {canary} with words.", new Dictionary<string, string> { ["NotifyReplies"] = "true" });
        await reader.GetAsync(new Uri($"/search?q={canary}", UriKind.Relative), TestContext.Current.CancellationToken);
        await reader.GetAsync(new Uri($"/search?q=\"{canary} harbour\"", UriKind.Relative), TestContext.Current.CancellationToken);
        await Reports.ReportAsync(reader, slug, commentId, "Other", explanation: $"Explained {canary}", email: $"{canary}@example.org");

        // The confirmation mail to the canary address is sent by the outbox: wait for its span too.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!factory.Snapshot().Any(s => s.Source.Name == "NewsPortal.Mail") && DateTime.UtcNow < until)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        var spans = factory.Snapshot();
        Assert.Contains(spans, s => s.Source.Name == "NewsPortal.Mail");
        Assert.Contains(spans, s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.True(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorEmail == canary + "@example.com")), "The canary comment was not stored.");
        foreach (var span in spans)
        {
            var text = Everything(span);
            Assert.False(text.Contains(canary, StringComparison.OrdinalIgnoreCase), $"The span '{span.DisplayName}' ({span.Source.Name}) holds the canary:\n{text}");
            Assert.False(text.Contains("198.51.100.77", StringComparison.Ordinal), $"The span '{span.DisplayName}' holds the reader's address:\n{text}");
        }
    }
}
