namespace LearningReviews.Domain.Reviews;

/// <summary>Links a review to one of its cases; a thematic review has several.</summary>
public class ReviewCase
{
    public Guid ReviewId { get; set; }
    public Review? Review { get; set; }
    public Guid CaseId { get; set; }
    public Case? Case { get; set; }
}
