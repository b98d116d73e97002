namespace LearningReviews.Web.Features.Files;

/// <summary>Bound from the "Files" configuration section: limits on uploads and where their bytes are kept.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest upload accepted, in bytes (20 MB unless configured).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// A folder to keep uploaded documents in (relative paths are under the content root), outside wwwroot.
    /// Empty: they are kept in the database, which backups then cover with everything else.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>How the size limit reads on a page: "20 MB".</summary>
    public string MaxSizeText => MaxBytes >= 1024 * 1024 ? $"{MaxBytes / (1024 * 1024)} MB" : $"{Math.Max(1, MaxBytes / 1024)} KB";
}
