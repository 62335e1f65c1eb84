namespace NewsPortal.IntegrationTests.Features.AdminImport;

/// <summary>
/// A site for import tests (no sample content, its own media and import folders, a signed-in admin), and what the
/// tests do with it: post /admin/import's form as a browser sends it, run the command line, wait for a run to end.
/// </summary>
internal sealed class ImportSite : IAsyncDisposable
{
    public ImportSite(string? databasePath = null, string? importFolder = null, string? mediaRoot = null)
    {
        ImportFolder = importFolder ?? Path.Combine(Path.GetTempPath(), $"newsportal-imports-{Guid.NewGuid():N}");
        MediaRoot = mediaRoot ?? Path.Combine(Path.GetTempPath(), $"newsportal-media-{Guid.NewGuid():N}");
        Factory = (databasePath is null ? new NewsPortalFactory() : new NewsPortalFactory { DatabasePath = databasePath }).WithAdmin();
        Factory.Settings["Seed:SampleContent"] = "false";
        Factory.Settings["Content:ImageOrigins:0"] = "https://old.example.com";
        // The fixtures' comments are from 2025; the privacy retention job would clear their addresses at start.
        Factory.Settings["Privacy:RetainClientDataDays"] = "3650";
        Factory.Settings["Import:Folder"] = ImportFolder;
        Factory.Settings["Media:Root"] = MediaRoot;
    }

    public NewsPortalFactory Factory { get; }

    public string ImportFolder { get; }

    public string MediaRoot { get; }

    /// <summary>What is left in the import folder: every run's files are deleted when it ends, and a refused upload leaves none.</summary>
    public List<string> LeftInImportFolder() =>
        Directory.Exists(ImportFolder) ? [.. Directory.EnumerateFileSystemEntries(ImportFolder, "*", SearchOption.AllDirectories)] : [];

    public static string Fixture(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Features", "WordPressImport", "Fixtures", name + ".xml");

    /// <summary>
    /// Posts the form on /admin/import as a browser does: its fields in page order (the antiforgery token first), the
    /// export and the zip as files. <paramref name="token"/> replaces the form's token ("" leaves it out).
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, (string Name, byte[] Bytes) export, (string Name, byte[] Bytes)? uploads = null, string? token = null, bool chunked = false, bool tokenLast = false,
        IHtmlFormElement? form = null)
    {
        form ??= await UploadFormAsync(client);
        const string Boundary = "----import-test-boundary";
        using var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        void Fields()
        {
            foreach (var (name, value) in Html.FormValues(form).Where(f => f.Key is not ("Export" or "Uploads")))
            {
                var sent = name == "__RequestVerificationToken" && token is not null ? token : value;
                if (sent.Length > 0)
                {
                    Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{sent}\r\n");
                }
            }
        }

        void File(string field, string fileName, string type, byte[] bytes)
        {
            Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: {type}\r\n\r\n");
            body.Write(bytes);
            Text("\r\n");
        }

        if (!tokenLast)
        {
            Fields();
        }

        File("Export", export.Name, "text/xml", export.Bytes);
        if (uploads is { } zip)
        {
            File("Uploads", zip.Name, "application/zip", zip.Bytes);
        }
        else
        {
            // A file input left empty still sends a part, with no name and no bytes.
            File("Uploads", string.Empty, "application/octet-stream", []);
        }

        if (tokenLast)
        {
            Fields();
        }

        Text($"--{Boundary}--\r\n");
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body.ToArray())) : new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        if (chunked)
        {
            // No length announced: the server learns the size only by reading.
            content.Headers.ContentLength = null;
        }

        using (content)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Html.ActionOf(form), UriKind.Relative)) { Content = content };
            if (chunked)
            {
                request.Headers.TransferEncodingChunked = true;
            }

            return await client.SendAsync(request);
        }
    }

    public static async Task<IHtmlFormElement> UploadFormAsync(HttpClient client)
    {
        var (_, page) = await Html.GetAsync(client, "/admin/import");
        return page.QuerySelector<IHtmlFormElement>("form.import-upload") ?? throw new InvalidOperationException("The page has no upload form:\n" + page.Body?.TextContent);
    }

    public static (string Name, byte[] Bytes) FixtureFile(string name) => (name + ".xml", System.IO.File.ReadAllBytes(Fixture(name)));

    /// <summary>A WordPress export of <paramref name="posts"/> published posts of <paramref name="commentsEach"/> approved comments each.</summary>
    public static (string Name, byte[] Bytes) GeneratedExport(int posts, int commentsEach)
    {
        var xml = new StringBuilder();
        xml.Append("""
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
            <title>Generated Gazette</title><link>https://gen.example.com</link><wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://gen.example.com</wp:base_site_url><wp:base_blog_url>https://gen.example.com</wp:base_blog_url>
            <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[gen]]></wp:author_login><wp:author_display_name><![CDATA[Gen Writer]]></wp:author_display_name></wp:author>
            <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[news]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>

            """);
        var comment = 1;
        for (var post = 1; post <= posts; post++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                <item><title><![CDATA[Generated story {post}]]></title><link>https://gen.example.com/2025/01/01/generated-{post}/</link>
                <dc:creator><![CDATA[gen]]></dc:creator><content:encoded><![CDATA[Story {post} body.]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
                <wp:post_id>{post}</wp:post_id><wp:post_date><![CDATA[2025-01-01 08:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2025-01-01 08:00:00]]></wp:post_date_gmt>
                <wp:comment_status><![CDATA[open]]></wp:comment_status><wp:post_name><![CDATA[generated-{post}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
                <wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type><category domain="category" nicename="news"><![CDATA[News]]></category>

                """);
            for (var i = 0; i < commentsEach; i++, comment++)
            {
                xml.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                    <wp:comment><wp:comment_id>{comment}</wp:comment_id><wp:comment_author><![CDATA[Reader {comment}]]></wp:comment_author><wp:comment_author_email><![CDATA[r{comment}@example.net]]></wp:comment_author_email>
                    <wp:comment_author_IP><![CDATA[198.51.100.7]]></wp:comment_author_IP><wp:comment_date_gmt><![CDATA[2025-01-02 08:00:00]]></wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[Comment number {comment}.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>

                    """);
            }

            xml.Append("</item>\n");
        }

        xml.Append("</channel>\n</rss>\n");
        return ($"generated-{posts}-posts.xml", Encoding.UTF8.GetBytes(xml.ToString()));
    }

    /// <summary>Waits (bounded) until no import is running; fails saying what the newest run showed.</summary>
    public async Task<WordPressImportRun> WaitForRunToEndAsync(int atLeastRuns = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var runs = await Factory.WithDbAsync(db => db.WordPressImportRuns.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync());
            if (runs.Count >= atLeastRuns && runs.All(r => r.ActiveSlot is null))
            {
                return runs[0];
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("After 180 s the import had not ended: " + string.Join("; ", runs.Select(r => $"#{r.Id} {r.Status} {r.Phase} {r.Done}/{r.Total} {r.Error}")));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A zip of the given entries, named as given (hostile names included: the writer does not check them).</summary>
    public static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The published entry point, as an operator runs it: <c>dotnet NewsPortal.Web.dll import wordpress …</c>, on this site's database and media folder.</summary>
    public Task<(int Code, string Output, string Error)> RunCommandLineAsync(string export, params string[] options) =>
        ProgramCommandLine.ImportAsync(export, new Dictionary<string, string>
        {
            ["ConnectionStrings__NewsPortal"] = Factory.ConnectionString,
            ["Content__ImageOrigins__0"] = "https://old.example.com",
            ["Media__Root"] = MediaRoot,
        }, TimeSpan.FromSeconds(180), options);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        foreach (var folder in new[] { ImportFolder, MediaRoot })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
