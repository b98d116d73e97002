namespace LearningReviews.Domain.Methodologies;

/// <summary>The methodologies a review can follow. Lookups return the newest version.</summary>
public interface IMethodologyCatalogue
{
    IReadOnlyList<MethodologySummary> All { get; }
    MethodologySummary? Find(string key);
}
