namespace LearningReviews.Domain.Outcomes;

/// <summary>
/// A comment on one section of a circulated Outcomes Form, and the lead author's answer to it. A
/// comment is settled when it has an answer or is marked resolved; the form can be made final only
/// when every comment is settled.
/// </summary>
public class OutcomesComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FormId { get; set; }

    /// <summary>The key of the section (a field of the outcomes stage) the comment is about.</summary>
    public required string SectionKey { get; set; }
    public required string Text { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }

    public string? Response { get; set; }
    public bool Resolved { get; set; }
    public string? RespondedBy { get; set; }
    public DateTime? RespondedAt { get; set; }

    public bool IsSettled => Resolved || !string.IsNullOrWhiteSpace(Response);
}
