using LearningReviews.Domain.Files;
using Microsoft.Extensions.Options;

namespace LearningReviews.Web.Features.Files;

/// <summary>An upload read into memory and identified by its bytes, or the reason it was refused.</summary>
public sealed record CheckedUpload(byte[]? Bytes, AcceptedFileType? Type, string? Problem)
{
    public bool Accepted => Problem is null;
}

/// <summary>
/// Reads an uploaded file and checks it the same way wherever documents are uploaded (the documents page,
/// an agency's answer to an information request): present, within Files:MaxBytes, and one of the accepted
/// types judged by its contents, never by its name.
/// </summary>
public sealed class UploadReader(IOptions<FilesOptions> options)
{
    public async Task<CheckedUpload> ReadAsync(IFormFile? upload)
    {
        var limits = options.Value;
        if (upload is null || upload.Length == 0) return new(null, null, "Select a file to upload");
        if (upload.Length > limits.MaxBytes) return new(null, null, $"The file must be smaller than {limits.MaxSizeText}");
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var type = FileContentSniffer.Identify(bytes, upload.FileName);
        return type is null
            ? new(null, null, $"The file must be a {FileContentSniffer.AcceptedList}; this file's contents are none of these")
            : new(bytes, type, null);
    }
}
