using LearningReviews.Domain.Files;

namespace LearningReviews.Web.Features.Files;

/// <summary>
/// An uploaded file whose bytes have passed the upload checks (UploadReader's CheckedUpload: size, and a type found in the bytes),
/// turned into the review's document record the same way wherever documents arrive: the documents page, an
/// agency's answer to an information request, and an action's evidence of impact. The caller sets what ties the
/// document to a family, a request or an action, then keeps the bytes with ReviewFileStore.KeepAsync.
/// </summary>
public sealed record AcceptedUpload(string UploadedFileName, AcceptedFileType Type, byte[] Bytes)
{
    /// <summary>The document record: its display name is the sanitised file name, its title cut to the title limit.</summary>
    public ReviewFile ToReviewFile(Guid reviewId, DocumentKind kind, string title, string? userId, string userName, DateTime uploadedAt) => new()
    {
        ReviewId = reviewId,
        Kind = kind,
        Title = title.Length > UploadFileFormValidator.TitleMaxLength ? title[..UploadFileFormValidator.TitleMaxLength] : title,
        DisplayName = DisplayName,
        ContentType = Type.ContentType,
        Length = Bytes.Length,
        Sha256 = ReviewFileStore.Hash(Bytes),
        StorageName = ReviewFile.InDatabase,
        UploadedByUserId = userId,
        UploadedByName = userName,
        UploadedAt = uploadedAt,
    };

    /// <summary>The uploaded file's name as it may be shown: sanitised, never used to store or find anything.</summary>
    public string DisplayName => FileNameSanitiser.Sanitise(UploadedFileName);
}
