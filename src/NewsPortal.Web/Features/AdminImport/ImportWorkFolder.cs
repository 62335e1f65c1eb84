namespace NewsPortal.Web.Features.AdminImport;

/// <summary>A run's own folder under <c>Import:Folder</c>: the uploaded export, the zip and what it unpacks to.</summary>
public static class ImportWorkFolder
{
    public const string ExportFile = "export.xml";
    public const string UploadsZip = "uploads.zip";
    public const string UploadsFolder = "uploads";

    public static string Create(string root)
    {
        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Removes the folder and everything in it; one already gone (or never on this instance's disk) is fine.</summary>
    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open elsewhere: the folder is named by run and nothing reads it again.
        }
        catch (UnauthorizedAccessException)
        {
            // As above; never worth failing a finished import for.
        }
    }
}
