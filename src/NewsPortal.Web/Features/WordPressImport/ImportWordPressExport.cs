namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>What to import and how.</summary>
/// <param name="ExportPath">The WXR file.</param>
/// <param name="MediaFolder">WordPress's uploads folder (wp-content/uploads), when the pictures come too.</param>
/// <param name="DryRun">Read and report; write nothing.</param>
/// <param name="BatchSize">Rows (posts plus comments) per transaction.</param>
/// <param name="SchemaMissing">A dry run on a database not yet created or migrated: nothing can be there yet.</param>
public sealed record ImportRequest(string ExportPath, string? MediaFolder = null, bool DryRun = false, int BatchSize = 2_000, bool SchemaMissing = false);

/// <summary>
/// Imports a WordPress export. First a validation pass reads the whole file (so a file cut off or not a WordPress
/// export stops here, before anything is written) and notes the authors, terms and attachments posts refer to; then
/// bylines, sections and tags; then, with an uploads folder, the pictures through the media library's own intake;
/// then posts with their comments, streamed, in batches of about <see cref="ImportRequest.BatchSize"/> rows, each one
/// transaction holding its rows, their <see cref="Domain.ImportedItem"/> keys and their old addresses together. A run killed
/// between batches left whole batches; the next run skips what the keys list and finishes the rest.
/// Saves go through the site's context, so the search index and the reader cache follow as for any edit.
/// </summary>
public sealed partial class ImportWordPressExport(
    IServiceScopeFactory scopes, ArticleSanitizer articles, CommentSanitizer comments, ImageOrigins imageOrigins,
    SqliteWriteGate gate, IBulkWriteConnection bulkWrites, TimeProvider time, ILogger<ImportWordPressExport> logger)
{
    private readonly PostConverter _converter = new PostConverter(new WordPressContent(articles), comments, imageOrigins);

    /// <exception cref="WxrFormatException">The file cannot be read; nothing was written.</exception>
    public async Task<ImportSummary> RunAsync(ImportRequest request, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Invoke(new ImportProgress("Reading the export", 0, 0));
        var catalog = await Task.Run(() => WxrCatalog.Read(request.ExportPath, cancellationToken), cancellationToken);
        var summary = new ImportSummary { DryRun = request.DryRun, DroppedCharacters = catalog.DroppedCharacters };
        foreach (var (type, count) in catalog.ItemsByType.Where(t => t.Key is not ("post" or "attachment")))
        {
            summary.Of(type.Length == 0 ? "items without a type" : $"{type} items").Skipped[type == "page" ? "pages are not imported: NewsPortal has articles only" : "not a post"] = count;
        }

        if (request.MediaFolder is { } folder && !Directory.Exists(folder))
        {
            throw new WxrFormatException($"The uploads folder {folder} does not exist.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var run = new ImportBatchWriter(db, gate, bulkWrites, catalog, request, summary, time);
        var people = await ImportPeopleAndTermsAsync(run, cancellationToken);
        var media = request.MediaFolder is null
            ? MediaMap.None
            : await new ImportMedia(scope.ServiceProvider, run).RunAsync(request.MediaFolder, progress, cancellationToken);
        if (request.MediaFolder is null && catalog.Attachments.Count > 0)
        {
            summary.Of("attachments").Skipped["no uploads folder given (--media): their addresses are kept"] = catalog.Attachments.Count;
        }

        await ImportPostsAsync(run, people, media, progress, cancellationToken);
        LogFinished(logger, request.ExportPath, catalog.Posts, catalog.Comments);
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WordPress import of {Path} finished: {Posts} posts, {Comments} comments in the file")]
    private static partial void LogFinished(ILogger logger, string path, long posts, long comments);
}
