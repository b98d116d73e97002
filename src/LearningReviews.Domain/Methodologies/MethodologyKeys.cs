namespace LearningReviews.Domain.Methodologies;

public static class MethodologyKeys
{
    public const string LocalityLearningCircle = "locality-learning-circle";
}
