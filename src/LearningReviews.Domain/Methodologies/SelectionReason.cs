namespace LearningReviews.Domain.Methodologies;

/// <summary>One reason a case may be selected for a methodology, in the words of its source document.</summary>
public sealed record SelectionReason(string Key, string Text);
