// Kestrel alone: one file's bytes, read once, written from memory for every request, with nothing else in the
// pipeline (no routing, no logging, no middleware). The load benchmark (tests/load/run.sh) serves a page the site
// has just served through this, beside nginx serving the same file: the gap between the two is the platform's,
// the gap between this and the site is the site's own work per request.
//
//   NewsPortal.KestrelCeiling --file PATH --urls http://127.0.0.1:PORT
var at = Array.IndexOf(args, "--file");
if (at < 0 || at + 1 >= args.Length)
{
    await Console.Error.WriteLineAsync("usage: NewsPortal.KestrelCeiling --file PATH --urls http://127.0.0.1:PORT");
    return 2;
}

var bytes = await File.ReadAllBytesAsync(args[at + 1]);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(async context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = bytes.Length;
    await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
});
await app.RunAsync();
return 0;
