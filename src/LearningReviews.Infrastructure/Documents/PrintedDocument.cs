namespace LearningReviews.Infrastructure.Documents;

/// <summary>
/// What a printed record says, with no idea of how it is drawn. Features build one of these from a
/// review; <see cref="PdfDocumentRenderer"/> turns it into a PDF. Keeping PDFsharp out of this model
/// means features never depend on the PDF library, and another output (HTML, Word) could reuse it.
/// </summary>
public sealed record PrintedDocument
{
    /// <summary>The safeguarding partnership, shown above the title.</summary>
    public required string PartnershipName { get; init; }

    /// <summary>The document's own title, e.g. "Learning Review Outcomes Form: Child A".</summary>
    public required string Title { get; init; }

    /// <summary>What sort of record this is, e.g. "Learning Review Outcomes Form"; used in the file name.</summary>
    public required string Kind { get; init; }

    /// <summary>The review reference, e.g. LR-2026-0007.</summary>
    public required string Reference { get; init; }

    public required string Methodology { get; init; }

    public required int Version { get; init; }

    /// <summary>Where the record stands, in words: "Draft", "Circulated for comment", "Final".</summary>
    public required string Status { get; init; }

    public required DateOnly Date { get; init; }

    public required string Author { get; init; }

    /// <summary>PDF metadata subject, e.g. "Learning review LR-2026-0007".</summary>
    public string Subject { get; init; } = "";

    /// <summary>False puts a DRAFT watermark on every page, so a draft can never pass for the final record.</summary>
    public bool IsFinal { get; init; }

    /// <summary>The body, drawn in this order after the title block.</summary>
    public IReadOnlyList<DocumentBlock> Blocks { get; init; } = [];
}
