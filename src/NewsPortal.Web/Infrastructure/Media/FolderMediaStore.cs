namespace NewsPortal.Web.Infrastructure.Media;

/// <summary><see cref="IMediaStore"/> on a folder: <c>originals/</c> (never served) and <c>variants/</c> (served at /media).</summary>
public sealed class FolderMediaStore : IMediaStore
{
    private readonly string _originals;

    public FolderMediaStore(IOptions<MediaOptions> options, IHostEnvironment environment)
    {
        var root = Path.GetFullPath(options.Value.Root, environment.ContentRootPath);
        _originals = Path.Combine(root, "originals");
        VariantsFolder = Path.Combine(root, "variants");
        Directory.CreateDirectory(_originals);
        Directory.CreateDirectory(VariantsFolder);
    }

    public string VariantsFolder { get; }

    public Task WriteOriginalAsync(string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        WriteAtomicAsync(_originals, name, bytes, cancellationToken);

    public async Task<byte[]?> ReadOriginalAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathIn(_originals, name);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task WriteVariantAsync(string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        WriteAtomicAsync(VariantsFolder, name, bytes, cancellationToken);

    public Task DeleteOriginalAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(PathIn(_originals, name));
        return Task.CompletedTask;
    }

    public Task DeleteVariantAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(PathIn(VariantsFolder, name));
        return Task.CompletedTask;
    }

    private static async Task WriteAtomicAsync(string folder, string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var path = PathIn(folder, name);
        if (File.Exists(path))
        {
            // The name is the content's hash: the file there already holds these bytes.
            return;
        }

        // Written beside the target and renamed: a reader (or nginx) never sees half a file, and a writer killed
        // half-way leaves only a temporary file, not a short image under a name that promises it is whole.
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes.ToArray(), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string PathIn(string folder, string name)
    {
        if (name.Length == 0 || name != Path.GetFileName(name) || name.StartsWith('.'))
        {
            throw new ArgumentException("A media name is a plain file name.", nameof(name));
        }

        return Path.Combine(folder, name);
    }
}
