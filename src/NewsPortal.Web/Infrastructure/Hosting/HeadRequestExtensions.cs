namespace NewsPortal.Web.Infrastructure.Hosting;

public static class HeadRequestExtensions
{
    /// <summary>
    /// HEAD is answered as GET without the body (RFC 9110 §9.3.2), for every GET route at once: MVC's
    /// <c>[HttpGet]</c> does not match HEAD, and uptime monitors and link checkers use it. The request runs through
    /// the rest of the pipeline as a GET, so it reaches exactly what a GET does (the shared article pages, the reader
    /// cache, the status-code pages) and can change nothing a GET cannot; no GET route here writes. The body is
    /// dropped here rather than left to the server, so the headers (Content-Length included, where the GET sets one)
    /// are the GET's whatever server runs the site.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Request.Method = HttpMethods.Get;
            context.Features.Set<IHttpResponseBodyFeature>(new NoBody(body));
            try
            {
                await next(context);
            }
            finally
            {
                // Outer middleware (request logging, a status-code page re-executing the request) sees the HEAD it was sent.
                context.Features.Set(body);
                context.Request.Method = HttpMethods.Head;
            }
        });

    /// <summary>A response body that discards what is written; starting and completing the response still reach the server.</summary>
    private sealed class NoBody(IHttpResponseBodyFeature server) : IHttpResponseBodyFeature
    {
        private PipeWriter? _writer;

        public Stream Stream => Stream.Null;

        public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream.Null);

        public Task CompleteAsync() => server.StartAsync();

        public void DisableBuffering() => server.DisableBuffering();

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            server.StartAsync(cancellationToken);

        public Task StartAsync(CancellationToken cancellationToken = default) => server.StartAsync(cancellationToken);
    }
}
