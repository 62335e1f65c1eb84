namespace NewsPortal.Web.Features.WordPressImport;

public sealed partial class ImportWordPressExport
{
    /// <summary>
    /// Streams the posts again, a batch at a time. A reading task parses the file and converts each post and its
    /// comments (content rules, sanitizers: the CPU-heavy part) while this one writes the previous batch, so the two
    /// overlap on two cores; a bounded hand-over of one batch keeps at most three batches in memory. Converting ahead
    /// is a guess that the post is new: when most of the last batch was already imported (a second run), the reader
    /// stops guessing and the writer converts only what it finds new.
    /// </summary>
    private async Task ImportPostsAsync(ImportBatchWriter run, ImportedPeople people, MediaMap media, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var total = run.Catalog.Posts + run.Catalog.Comments;
        var done = 0L;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        progress?.Invoke(new ImportProgress("Posts and comments", 0, total));
        var batches = Channel.CreateBounded<List<PostToWrite>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var lookAhead = new LookAhead();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadBatchesAsync(run, people, media, batches.Writer, lookAhead, stop.Token), CancellationToken.None);
        try
        {
            await using var connection = await run.HoldConnectionAsync(cancellationToken);
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                var rows = batch.Sum(p => 1L + p.Item.Comments.Count);
                var fresh = await WritePostsAsync(run, people, media, batch, slugs, cancellationToken);
                lookAhead.Enabled = fresh * 2 >= rows;
                done += rows;
                progress?.Invoke(new ImportProgress("Posts and comments", done, total));
            }
        }
        finally
        {
            // The reader never throws: what goes wrong there completes the hand-over with the error, rethrown above.
            await stop.CancelAsync();
            await reading;
        }
    }

    private async Task ReadBatchesAsync(
        ImportBatchWriter run, ImportedPeople people, MediaMap media, ChannelWriter<List<PostToWrite>> batches, LookAhead lookAhead, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = WxrReader.Open(run.Request.ExportPath);
            var batch = new List<PostToWrite>();
            var rows = 0;
            foreach (var node in reader.Read())
            {
                if (node is not WxrItem { PostType: "post" } item)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var post = new PostToWrite(item);
                if (lookAhead.Enabled && !PostBatch.IsSkipped(item))
                {
                    post.Converted = _converter.Convert(run, item, people, media);
                }

                batch.Add(post);
                rows += 1 + item.Comments.Count;
                if (rows >= run.Request.BatchSize)
                {
                    await batches.WriteAsync(batch, cancellationToken);
                    batch = [];
                    rows = 0;
                }
            }

            if (batch.Count > 0)
            {
                await batches.WriteAsync(batch, cancellationToken);
            }

            batches.Complete();
        }
        catch (Exception ex)
        {
            batches.TryComplete(ex);
        }
    }

    /// <returns>How many posts and comments the batch added (or would add, in a dry run).</returns>
    private async Task<long> WritePostsAsync(
        ImportBatchWriter run, ImportedPeople people, MediaMap media, List<PostToWrite> items, HashSet<string> slugs, CancellationToken cancellationToken)
    {
        var batch = await PostBatch.PlanAsync(run, _converter, people, media, items, cancellationToken);
        if (!run.Request.DryRun)
        {
            await SavePostBatch.SaveAsync(run, batch, people, slugs, cancellationToken);
        }

        return batch.Count;
    }

    /// <summary>Whether the reader converts ahead; set by the writer after each batch, read by the reader.</summary>
    private sealed class LookAhead
    {
        private volatile bool _enabled = true;

        public bool Enabled
        {
            get => _enabled;
            set => _enabled = value;
        }
    }
}

/// <summary>One post on its way from the reader to the writer.</summary>
internal sealed class PostToWrite(WxrItem item)
{
    public WxrItem Item { get; } = item;

    /// <summary>Made ahead by the reader, or null (then the writer converts it if it turns out to be new).</summary>
    public ConvertedPost? Converted { get; set; }
}
