namespace LearningReviews.Web.Features.Themes;

/// <summary>One theme as a checkbox: its id is posted, its name is the label, its description the hint.</summary>
public sealed record ThemeChoice(Guid Id, string Name, string? Description);
