namespace NewsPortal.Web.Features.AdminImport;

/// <summary>
/// The zip of WordPress's uploads folder, checked before it is accepted and unpacked safely afterwards. Every entry's
/// name must stay inside the folder it unpacks to (no <c>..</c>, no absolute or drive paths: a zip-slip archive is
/// refused whole); the entry count and the unpacked size are limited, the size counted on the bytes actually written,
/// not on what the archive declares. Only pictures are unpacked: nothing else can become a media-library entry.
/// </summary>
public static class UploadsArchive
{
    private static readonly HashSet<string> PictureExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".avif" };

    /// <summary>Reads the archive's directory (not its contents); throws <see cref="UploadsArchiveException"/> saying what is wrong.</summary>
    public static void Inspect(string zipPath, ImportOptions options)
    {
        using var archive = Open(zipPath);
        if (archive.Entries.Count > options.MaxZipEntries)
        {
            throw new UploadsArchiveException(string.Create(CultureInfo.InvariantCulture, $"The uploads zip holds {archive.Entries.Count:N0} entries, more than the {options.MaxZipEntries:N0} accepted (Import:MaxZipEntries)."));
        }

        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            SafeRelativePath(entry.FullName);
            if (IsPicture(entry))
            {
                declared += entry.Length;
            }
        }

        if (declared > options.MaxExtractedBytes)
        {
            throw new UploadsArchiveException(TooLarge(options));
        }
    }

    /// <summary>
    /// Unpacks the pictures under <paramref name="destination"/> and returns the folder that plays WordPress's
    /// uploads folder (the one holding the year folders), wherever the zip put it: <c>wp-content/uploads/2025/…</c>,
    /// <c>uploads/2025/…</c> or <c>2025/…</c> at its top.
    /// </summary>
    public static async Task<string> ExtractAsync(string zipPath, string destination, ImportOptions options, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        using var archive = Open(zipPath);
        if (archive.Entries.Count > options.MaxZipEntries)
        {
            throw new UploadsArchiveException(string.Create(CultureInfo.InvariantCulture, $"The uploads zip holds {archive.Entries.Count:N0} entries, more than the {options.MaxZipEntries:N0} accepted (Import:MaxZipEntries)."));
        }

        long written = 0, done = 0;
        var buffer = new byte[81_920];
        foreach (var entry in archive.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = SafeRelativePath(entry.FullName);
            done++;
            if (relative.Length == 0 || !IsPicture(entry))
            {
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(root, relative));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new UploadsArchiveException($"The uploads zip names a file outside its own folder ({Shown(entry.FullName)}); nothing from it was used.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                await using var source = entry.Open();
                await using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    written += read;
                    if (written > options.MaxExtractedBytes)
                    {
                        throw new UploadsArchiveException(TooLarge(options));
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            catch (InvalidDataException ex)
            {
                throw new UploadsArchiveException($"The uploads zip is damaged: {Shown(entry.FullName)} cannot be unpacked ({ex.Message})");
            }

            progress?.Invoke(done, archive.Entries.Count);
        }

        progress?.Invoke(done, archive.Entries.Count);
        return UploadsRoot(root);
    }

    /// <summary>The entry's name as a relative path with this system's separators ("" for a folder at the top); throws for one that leaves the folder.</summary>
    public static string SafeRelativePath(string entryName)
    {
        var name = entryName.Replace('\\', '/');
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)
            || segments.Any(s => s is ".." or "."))
        {
            throw new UploadsArchiveException($"The uploads zip names a file outside its own folder ({Shown(entryName)}); nothing from it was used.");
        }

        return Path.Combine(segments);
    }

    private static ZipArchive Open(string zipPath)
    {
        var stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: false);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            stream.Dispose();
            throw new UploadsArchiveException("The uploads file is not a zip archive, or it is damaged or cut off: make it again (a zip of wp-content/uploads) and upload it again.");
        }
    }

    private static bool IsPicture(ZipArchiveEntry entry) =>
        entry.Name.Length > 0 && PictureExtensions.Contains(Path.GetExtension(entry.Name));

    private static string UploadsRoot(string root)
    {
        var folder = root;
        for (var depth = 0; depth < 8; depth++)
        {
            if (Directory.Exists(Path.Combine(folder, "uploads")))
            {
                return Path.Combine(folder, "uploads");
            }

            if (Directory.Exists(Path.Combine(folder, "wp-content")))
            {
                folder = Path.Combine(folder, "wp-content");
                continue;
            }

            // A zip made of the folder itself puts everything in one folder of its own name (site-backup/…).
            var folders = Directory.GetDirectories(folder);
            if (folders.Length == 1 && Directory.GetFiles(folder).Length == 0 && !IsYear(Path.GetFileName(folders[0])))
            {
                folder = folders[0];
                continue;
            }

            break;
        }

        return folder;
    }

    private static bool IsYear(string name) => name.Length == 4 && name.All(char.IsAsciiDigit);

    private static string TooLarge(ImportOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"The uploads zip unpacks to more than the {options.MaxExtractedMegabytes:N0} MB accepted (Import:MaxExtractedMegabytes).");

    private static string Shown(string name) => name.Length > 120 ? name[..120] + "…" : name.Replace('\0', '?');
}

/// <summary>The uploads zip cannot be used; the message says why, for the page.</summary>
public sealed class UploadsArchiveException : Exception
{
    public UploadsArchiveException(string message)
        : base(message)
    {
    }

    public UploadsArchiveException()
    {
    }

    public UploadsArchiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
