using LearningReviews.Domain.Files;
using LearningReviews.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.Files;

/// <summary>
/// Keeps a document's bytes: in the database (a row of ReviewFileContents, saved with the document's record)
/// or, when Files:Folder is set, in that folder under a generated name. Nothing the uploader typed or named
/// reaches a path, and the folder may not be under wwwroot, so a stored document is never served as it is.
/// </summary>
public sealed class ReviewFileStore(LearningReviewsDbContext db, IOptions<FilesOptions> options, IWebHostEnvironment environment)
{
    /// <summary>The configured folder as a full path, or null for the database.</summary>
    public string? FolderPath()
    {
        if (string.IsNullOrWhiteSpace(options.Value.Folder)) return null;
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));
        var webRoot = string.IsNullOrEmpty(environment.WebRootPath) ? null : Path.GetFullPath(environment.WebRootPath);
        if (webRoot is not null && (folder + Path.DirectorySeparatorChar).StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Files:Folder must be outside wwwroot, where nothing would be served from it.");
        }
        return folder;
    }

    /// <summary>
    /// Adds the bytes to the unit of work (database) or writes them to the folder now (the record is saved by
    /// the caller; <see cref="Forget"/> removes a written file whose record was not saved).
    /// </summary>
    public async Task KeepAsync(ReviewFile file, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = FolderPath();
        if (folder is null)
        {
            file.StorageName = ReviewFile.InDatabase;
            db.ReviewFileContents.Add(new ReviewFileContent { FileId = file.Id, Bytes = bytes });
            return;
        }
        Directory.CreateDirectory(folder);
        file.StorageName = $"{file.Id:N}.bin";
        var path = Path.Combine(folder, file.StorageName);
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, bytes);
        File.Move(partial, path, overwrite: false);
    }

    public void Forget(ReviewFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.StorageName != ReviewFile.InDatabase && FolderPath() is { } folder) File.Delete(Path.Combine(folder, file.StorageName));
    }

    /// <summary>The bytes, or null when they are missing or no longer match the hash taken at upload.</summary>
    public async Task<byte[]?> ReadAsync(ReviewFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[]? bytes;
        if (file.StorageName == ReviewFile.InDatabase)
        {
            bytes = await db.ReviewFileContents.AsNoTracking().Where(c => c.FileId == file.Id).Select(c => c.Bytes).SingleOrDefaultAsync();
        }
        else
        {
            // The stored name is generated ("{id}.bin"); it is checked again so a changed row cannot point elsewhere.
            var folder = FolderPath();
            if (folder is null || file.StorageName != $"{file.Id:N}.bin") return null;
            var path = Path.Combine(folder, file.StorageName);
            bytes = File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;
        }
        return bytes is not null && Hash(bytes) == file.Sha256 ? bytes : null;
    }

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
