namespace LearningReviews.Domain.Files;

/// <summary>What an uploaded document is, in the words of the methodologies (summaries, chronologies, agendas…).</summary>
public enum DocumentKind
{
    Summary,
    Chronology,
    Agenda,
    Briefing,
    TermsOfReference,
    Report,
    Other,
}

/// <summary>
/// A document uploaded to a review. The bytes live elsewhere (<see cref="ReviewFileContent"/> in the database,
/// or a file named <see cref="StorageName"/> in the configured folder), so listing documents never reads them.
/// The name the uploader's computer gave the file is kept only as display text, cleaned by
/// <see cref="FileNameSanitiser"/>; nothing is ever stored or looked up under it.
/// </summary>
public class ReviewFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }

    public DocumentKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>The uploaded file's name, sanitised: display text only.</summary>
    public required string DisplayName { get; set; }

    /// <summary>The type found in the bytes (<see cref="FileContentSniffer"/>), which downloads are sent as.</summary>
    public required string ContentType { get; set; }
    public long Length { get; set; }

    /// <summary>Hex SHA-256 of the bytes, so a copy read back from a folder can be checked.</summary>
    public required string Sha256 { get; set; }

    /// <summary>A generated name (never derived from the upload's): the file's name in the folder, or "database".</summary>
    public required string StorageName { get; set; }

    /// <summary>In a review of several families, the family the document belongs to; null means the whole review.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>When the document came with an agency's answer to an information request, that request.</summary>
    public Guid? InformationRequestId { get; set; }

    /// <summary>When the document is evidence of an action's impact, that action.</summary>
    public Guid? ReviewActionId { get; set; }

    public string? UploadedByUserId { get; set; }
    public required string UploadedByName { get; set; }
    public DateTime UploadedAt { get; set; }

    public List<ReviewFileCirculation> Circulations { get; set; } = [];

    /// <summary>Where the bytes are kept when they are in the database.</summary>
    public const string InDatabase = "database";
}

/// <summary>A document's bytes, when kept in the database (the default), in a table of their own.</summary>
public class ReviewFileContent
{
    public Guid FileId { get; set; }
    public required byte[] Bytes { get; set; }
}

/// <summary>One person a document was circulated to: who, by whom and when (the email itself went through the outbox).</summary>
public class ReviewFileCirculation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FileId { get; set; }
    public Guid? ParticipantId { get; set; }
    public required string RecipientName { get; set; }
    public required string RecipientEmail { get; set; }
    public required string SentByName { get; set; }
    public DateTime SentAt { get; set; }
}
