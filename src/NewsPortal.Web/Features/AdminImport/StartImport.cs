using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Features.AdminImport;

/// <summary>What came of an upload: the run started, or the status and message the page shows instead.</summary>
public sealed record StartImportOutcome(int StatusCode, string? Refusal)
{
    public static readonly StartImportOutcome Started = new(StatusCodes.Status303SeeOther, null);
}

/// <summary>
/// Takes the upload form's post: the export and the optional uploads zip are streamed from the request straight to
/// files in a folder of their own (never held whole in memory; each limited to <c>Import:MaxUploadMegabytes</c>,
/// counted as the bytes arrive), the zip's directory is checked, and the run is saved as the one active import, for
/// <see cref="ImportRunner"/> to pick up. The form is read here rather than by the framework (which would buffer it
/// first), so its antiforgery token, the form's first field, is checked here too, before any file is written.
/// A refusal leaves nothing behind.
/// </summary>
public sealed class StartImport
{
    public const string ExportField = "Export";
    public const string UploadsField = "Uploads";

    /// <summary>The antiforgery token, the multipart framing and the file parts' headers.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    private readonly ImportRuns _runs;
    private readonly IAntiforgery _antiforgery;
    private readonly AntiforgeryOptions _antiforgeryOptions;
    private readonly ImportOptions _options;
    private readonly ImportWorkSignal _signal;
    private readonly string _root;

    public StartImport(
        ImportRuns runs, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, IOptions<ImportOptions> options,
        ImportWorkSignal signal, IWebHostEnvironment environment)
    {
        _runs = runs;
        _antiforgery = antiforgery;
        _antiforgeryOptions = antiforgeryOptions.Value;
        _options = options.Value;
        _signal = signal;
        _root = Path.GetFullPath(_options.Folder, environment.ContentRootPath);
    }

    private long RequestLimit => (2 * _options.MaxUploadBytes) + FormOverheadBytes;

    private string TooLarge => string.Create(CultureInfo.InvariantCulture, $"That file is larger than the {_options.MaxUploadMegabytes:N0} MB this site accepts (Import:MaxUploadMegabytes). Nothing was imported; ask the site's operator to raise the limit, or run the import on the server: dotnet NewsPortal.Web.dll import wordpress <export.xml> --media <uploads-folder>.");

    public async Task<StartImportOutcome> StartAsync(HttpContext context, string startedBy, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > RequestLimit)
        {
            return new(StatusCodes.Status413PayloadTooLarge, TooLarge);
        }

        if (await _runs.ActiveAsync(cancellationToken) is { } active && active.LeaseUntil >= _runs.Now)
        {
            return Busy(active);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return new(StatusCodes.Status400BadRequest, "The upload did not arrive as a form with files; use the form on this page.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = RequestLimit;
        }

        var folder = ImportWorkFolder.Create(_root);
        var keep = false;
        try
        {
            var received = await ReceiveAsync(context, new MultipartReader(boundary, request.Body), folder, cancellationToken);
            if (received.Refusal is not null)
            {
                return received.Refusal;
            }

            if (received.Export is not { } export)
            {
                return new(StatusCodes.Status422UnprocessableEntity, "Choose the WordPress export file (.xml, from Tools → Export in WordPress) to import.");
            }

            if (received.Uploads is not null)
            {
                try
                {
                    UploadsArchive.Inspect(Path.Combine(folder, ImportWorkFolder.UploadsZip), _options);
                }
                catch (UploadsArchiveException ex)
                {
                    return new(StatusCodes.Status422UnprocessableEntity, ex.Message + " Nothing was imported.");
                }
            }

            var run = new WordPressImportRun
            {
                ExportFileName = export.Name,
                ExportBytes = export.Bytes,
                UploadsFileName = received.Uploads?.Name,
                UploadsBytes = received.Uploads?.Bytes,
                WorkFolder = folder,
                Holder = string.Empty,
                StartedBy = startedBy.Length > FieldLengths.StaffEmail ? startedBy[..FieldLengths.StaffEmail] : startedBy,
                Phase = "Waiting to start",
            };
            if (await _runs.TryStartAsync(run, cancellationToken) is { } other)
            {
                return Busy(other);
            }

            keep = true;
            _signal.Raise();
            return StartImportOutcome.Started;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(StatusCodes.Status413PayloadTooLarge, TooLarge);
        }
        catch (BadHttpRequestException ex)
        {
            return new(ex.StatusCode, "The upload was cut off before it finished. Nothing was imported; try again.");
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            return new(StatusCodes.Status400BadRequest, "The upload was cut off before it finished. Nothing was imported; try again.");
        }
        catch (InvalidDataException)
        {
            return new(StatusCodes.Status400BadRequest, "The upload was not a well-formed form. Nothing was imported; use the form on this page.");
        }
        finally
        {
            if (!keep)
            {
                ImportWorkFolder.Delete(folder);
            }
        }
    }

    private static StartImportOutcome Busy(WordPressImportRun active) => new(
        StatusCodes.Status409Conflict,
        $"An import is already running ({active.ExportFileName}, started by {active.StartedBy}); one import runs at a time. Wait for it to finish, then upload again. Nothing was imported from this upload.");

    private async Task<Received> ReceiveAsync(HttpContext context, MultipartReader reader, string folder, CancellationToken cancellationToken)
    {
        reader.HeadersLengthLimit = 16 * 1024;
        var tokenChecked = false;
        UploadedFile? export = null, uploads = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return new(new(StatusCodes.Status400BadRequest, "The upload was not a well-formed form. Nothing was imported; use the form on this page."));
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (!disposition.IsFileDisposition())
            {
                if (name == _antiforgeryOptions.FormFieldName && !tokenChecked)
                {
                    if (!await TokenIsValidAsync(context, await ReadFieldAsync(section, cancellationToken)))
                    {
                        return new(new(StatusCodes.Status400BadRequest, null));
                    }

                    tokenChecked = true;
                }

                continue;
            }

            if (!tokenChecked)
            {
                // No file is written for a post this site's own form did not make.
                return new(new(StatusCodes.Status400BadRequest, null));
            }

            var fileName = ShownName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
            if (name == ExportField && export is null)
            {
                export = await SaveAsync(section.Body, fileName, Path.Combine(folder, ImportWorkFolder.ExportFile), cancellationToken);
                if (export is { Bytes: < 0 })
                {
                    return new(new(StatusCodes.Status413PayloadTooLarge, TooLarge));
                }
            }
            else if (name == UploadsField && uploads is null)
            {
                uploads = await SaveAsync(section.Body, fileName, Path.Combine(folder, ImportWorkFolder.UploadsZip), cancellationToken);
                if (uploads is { Bytes: < 0 })
                {
                    return new(new(StatusCodes.Status413PayloadTooLarge, TooLarge));
                }
            }
        }

        return tokenChecked ? new(null, export, uploads) : new(new(StatusCodes.Status400BadRequest, null));
    }

    /// <summary>The framework's own check, fed the token from the form read here (the header is where it looks first).</summary>
    private async Task<bool> TokenIsValidAsync(HttpContext context, string token)
    {
        context.Request.Headers[_antiforgeryOptions.HeaderName ?? "RequestVerificationToken"] = token;
        return await _antiforgery.IsRequestValidAsync(context);
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        const int MaxField = 4 * 1024;
        var buffer = new byte[MaxField + 1];
        var length = 0;
        int read;
        while (length <= MaxField && (read = await section.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > MaxField ? string.Empty : System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>The part written to <paramref name="path"/> as it arrives; null for a file input left empty, Bytes -1 past the limit.</summary>
    private async Task<UploadedFile?> SaveAsync(Stream body, string name, string path, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var buffer = new byte[81_920];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes += read;
                if (bytes > _options.MaxUploadBytes)
                {
                    return new UploadedFile(name, -1);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (bytes == 0 && name.Length == 0)
        {
            File.Delete(path);
            return null;
        }

        return new UploadedFile(name.Length == 0 ? "(no name)" : name, bytes);
    }

    /// <summary>The name as the admin's computer had it, for the page only: last path segment, no control characters, bounded.</summary>
    private static string ShownName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length > WordPressImportRun.FileNameMaxLength ? name[..WordPressImportRun.FileNameMaxLength] : name;
    }

    private sealed record UploadedFile(string Name, long Bytes);

    private sealed record Received(StartImportOutcome? Refusal, UploadedFile? Export = null, UploadedFile? Uploads = null);
}
