namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A site with its own media folder and a signed-in administrator; two sites on one database and folder are one site restarted.</summary>
internal static class MediaSite
{
    public static NewsPortalFactory Create(string mediaRoot, string? databasePath = null, TimeProvider? time = null, bool processing = true)
    {
        var factory = databasePath is null ? new NewsPortalFactory() : new NewsPortalFactory { DatabasePath = databasePath };
        factory.Settings["Media:Root"] = mediaRoot;
        factory.Settings["Media:ProcessingEnabled"] = processing ? "true" : "false";
        factory.Time = time;
        return factory.WithAdmin();
    }

    public static string NewRoot() => Path.Combine(Path.GetTempPath(), $"newsportal-media-{Guid.NewGuid():N}");

    public static void DeleteRoot(string root)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static IEnumerable<string> StoredFiles(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)) : [];

    /// <summary>Posts the library's upload form as a browser sends it: its antiforgery token and the files, each with the name and type given.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string FileName, string ContentType, byte[] Bytes)[] files)
    {
        var (_, page) = await Html.GetAsync(client, "/admin/media");
        var form = page.QuerySelector<IHtmlFormElement>("form.media-upload") ?? throw new InvalidOperationException("The library has no upload form.");
        // Written by hand, byte for byte: HttpClient's own multipart type refuses some names a hostile client sends (a NUL).
        const string boundary = "----media-test-boundary";
        using var body = new MemoryStream();
        void Text(string text) => body.Write(System.Text.Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in Html.FormValues(form).Where(f => f.Key != "files"))
        {
            Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        foreach (var (fileName, contentType, bytes) in files)
        {
            Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");
            body.Write(bytes);
            Text("\r\n");
        }

        Text($"--{boundary}--\r\n");
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return await client.PostAsync(new Uri(Html.ActionOf(form), UriKind.Relative), content);
    }

    /// <summary>Waits (bounded) until every image is out of processing; fails saying which were not.</summary>
    public static async Task<List<MediaItem>> WaitUntilProcessedAsync(NewsPortalFactory factory, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        List<MediaItem> items;
        while (true)
        {
            items = await factory.WithDbAsync(db => db.MediaItems.AsNoTracking().Include(m => m.Variants).OrderBy(m => m.Id).ToListAsync());
            if (items.Count == expected && items.All(m => m.State != MediaState.Processing))
            {
                return items;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"After 120 s: {string.Join(", ", items.Select(m => $"#{m.Id} {m.State} attempts {m.Attempts}"))} (expected {expected} finished).");
            }

            await Task.Delay(200);
        }
    }

    public static void AssertStatus(HttpStatusCode expected, HttpResponseMessage response, string body) =>
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
}
